const WIDTHS = { wide: "max-w-7xl py-8", narrow: "max-w-4xl py-8", full: "max-w-none py-4" } as const;

export function PageContainer({ children, width = "wide" }: { children: React.ReactNode; width?: keyof typeof WIDTHS }) {
  return <main className={`mx-auto w-full px-4 sm:px-6 ${WIDTHS[width]}`}>{children}</main>;
}
