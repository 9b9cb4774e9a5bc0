import type { Role } from "@/server/config/sections/auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string | null; email: string | null; groups: string[]; role: Role | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    username?: string;
    groups?: string[];
  }
}
