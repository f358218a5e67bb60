"use client";

import Image from "next/image";
import { useState } from "react";
import { initials } from "../lib/format";

type AvatarProps = { name: string; url?: string | null; size?: number };

/** The user's picture, falling back to initials when there is none or it fails to load. */
export function Avatar({ name, url, size = 32 }: AvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const style = { width: size, height: size, fontSize: Math.max(10, Math.round(size * 0.38)) };
  if (url && failedUrl !== url) {
    return (
      <Image
        unoptimized
        src={url}
        alt=""
        width={size}
        height={size}
        style={style}
        className="shrink-0 rounded-full bg-slate-100 object-cover"
        onError={() => setFailedUrl(url)}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      style={style}
      className="inline-flex shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-700"
    >
      {initials(name)}
    </span>
  );
}
