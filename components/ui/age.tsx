"use client";

import { useEffect, useState } from "react";
import { formatAge, formatTime } from "@/lib/format";

/** The age of a datum, kept current; the exact time is in the tooltip. */
export function Age({ iso, prefix }: { iso: string | null | undefined; prefix?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, []);
  return (
    <time dateTime={iso ?? undefined} title={iso ? formatTime(iso) : undefined} className="whitespace-nowrap" suppressHydrationWarning>
      {prefix ? `${prefix} ` : ""}
      {formatAge(iso, now)}
    </time>
  );
}
