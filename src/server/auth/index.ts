import { getServerSession, type DefaultSession, type NextAuthOptions, type Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env.js";
import { getDb } from "~/server/db";
import { actAs, setActingUser } from "~/server/db/acting";
import { clientAddress } from "~/server/http/address";
import { loggableError } from "~/server/http/log";
import { endSession, isSessionLive, startSession } from "~/server/services/sessions";
import { verifyCredentials } from "~/server/services/users";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The `sessions` row this token names; checked live on every request. */
    sessionId: string;
  }
  interface User {
    /** Set by authorize: the sign-in's `sessions` row. */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
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
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const ip = clientAddress((name) => {
          const value: unknown = req.headers?.[name];
          return typeof value === "string" ? value : null;
        });
        const userAgent = typeof req.headers?.["user-agent"] === "string" ? req.headers["user-agent"] : null;
        const { email, password } = credentials;
        // Nobody acts until the password is checked; then the new session is the user's own row.
        // A ServiceError (too many attempts) is thrown on: next-auth hands its message to the form.
        return actAs(await getDb(), null, async (tx) => {
          const user = await verifyCredentials({ db: tx, ip }, { email, password });
          if (!user) return null;
          await setActingUser(tx, user.id);
          return { id: user.id, email: user.email, name: user.name, sessionId: await startSession(tx, { userId: user.id, userAgent }) };
        });
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub };
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Signing out ends this sign-in for every copy of its token, not only this browser's cookie.
    async signOut({ token }) {
      const { sid, sub } = token ?? {};
      if (sid && sub) await actAs(await getDb(), sub, (tx) => endSession(tx, sid), { tenants: false });
    },
  },
};

/**
 * The signed-in user of this request, or null: the token must be valid and its session live
 * (not signed out, not ended by a password change or "sign out everywhere", user not deleted).
 * Tokens from before sessions were recorded name none and count as signed out.
 */
export async function getServerAuthSession(): Promise<Session | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || !session.sessionId) return null;
  const { sessionId, user } = session;
  const live = await actAs(await getDb(), user.id, (tx) => isSessionLive(tx, { sessionId, userId: user.id }), { tenants: false });
  return live ? session : null;
}
