import type { Metadata } from "next";
import { connection } from "next/server";
import { TRPCReactProvider } from "~/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FlowMatrix", template: "%s · FlowMatrix" },
  description: "Map a business process, find out how long it really takes and where it gets stuck.",
};

/**
 * Every page is rendered per request: each response's scripts carry that response's CSP nonce
 * (src/proxy.ts), which a page prerendered at build time could not.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
