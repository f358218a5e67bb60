import { getServerSession, type DefaultSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env.js";
import { getDb } from "~/server/db";
import { loggableError } from "~/server/http/log";
import { verifyCredentials } from "~/server/services/users";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  // A failed sign-in query must not put the password hash or the email into the log.
  logger: {
    error: (code, metadata) => console.error(`next-auth ${code}: ${loggableError(metadata instanceof Error ? metadata : metadata.error)}`),
    warn: (code) => console.warn(`next-auth warning ${code}`),
    debug: () => {},
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = await verifyCredentials({ db: await getDb() }, { email: credentials.email, password: credentials.password });
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub };
      return session;
    },
  },
};

export function getServerAuthSession() {
  return getServerSession(authOptions);
}
