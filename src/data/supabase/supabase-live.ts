/**
 * Realtime over supabase-js: the private channel `district:<code>` (or `city`) that only that district's
 * staff and the city may join (RLS on realtime.messages), the database's wake-up broadcast (event `feed`)
 * → pull the change feed, and presence (who else is here, which plan item they are editing). The access
 * token follows the session (setAuth on every sign-in and refresh). Polling stays as the fallback.
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import type { LiveHandle, LivePort, PresentPerson } from '../auth';

interface Meta {
  user_id?: string;
  name?: string;
  editing?: string | null;
}

export function createSupabaseLive(client: SupabaseClient): LivePort {
  return {
    follow(topic, me, handlers): LiveHandle {
      let channel: RealtimeChannel | null = null;
      let editing: string | null = null;
      let stopped = false;
      let tracked = false;
      // A change of what is tracked is an untrack, then a track: realtime-js's presence adapter rewrites the
      // metas it keeps (phx_ref → presence_ref) when a key joins again, after which that key's leaves no
      // longer match and the old entry would stay. For the same reason each page has its own presence key.
      const track = async () => {
        if (!channel) return;
        if (tracked) await channel.untrack().catch(() => undefined);
        tracked = true;
        await channel.track({ user_id: me.userId, name: me.name, editing }).catch(() => undefined);
      };
      const people = (): PresentPerson[] => {
        const state = channel?.presenceState<Meta>() ?? {};
        const seen = new Map<string, PresentPerson>();
        for (const metas of Object.values(state)) {
          for (const m of metas) {
            if (!m.user_id || m.user_id === me.userId) continue;
            const known = seen.get(m.user_id);
            seen.set(m.user_id, { userId: m.user_id, name: m.name ?? '', editing: known?.editing ?? m.editing ?? null });
          }
        }
        return [...seen.values()];
      };
      const { data: auth } = client.auth.onAuthStateChange((event, session) => {
        if (session?.access_token && (event === 'TOKEN_REFRESHED' || event === 'SIGNED_IN')) void client.realtime.setAuth(session.access_token);
      });
      const start = async () => {
        const { data } = await client.auth.getSession();
        if (stopped) return;
        if (data.session) await client.realtime.setAuth(data.session.access_token);
        channel = client.channel(topic, { config: { private: true, presence: { key: `${me.userId}:${crypto.randomUUID()}` } } });
        channel
          .on('broadcast', { event: 'feed' }, (message: { payload?: { seq?: number } }) => handlers.onWake(message.payload?.seq ?? null))
          .on('presence', { event: 'sync' }, () => handlers.onPresence(people()))
          .subscribe((status, error) => {
            if (status === 'SUBSCRIBED') {
              handlers.onStatus(true);
              void track();
            } else handlers.onStatus(false, error?.message ?? status);
          });
      };
      void start();
      return {
        editing(planItemId) {
          if (planItemId === editing) return;
          editing = planItemId;
          void track();
        },
        async stop() {
          stopped = true;
          auth.subscription.unsubscribe();
          if (channel) await client.removeChannel(channel);
        },
      };
    },
  };
}
