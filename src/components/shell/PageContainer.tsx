export function PageContainer({ children, width = "wide" }: { children: React.ReactNode; width?: "wide" | "narrow" }) {
  return (
    <main className={`mx-auto w-full px-4 py-8 sm:px-6 ${width === "wide" ? "max-w-7xl" : "max-w-4xl"}`}>{children}</main>
  );
}
