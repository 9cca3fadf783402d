/**
 * Realtime over supabase-js: the private channel `district:<code>` (or `city`) that only that district's
 * staff and the city may join (RLS on realtime.messages), the database's wake-up broadcast (event `feed`)
 * → pull the change feed, and presence (who else is here, which plan item they are editing). The city is
 * also present on the districts' channels (presence only), so a soft lock shows across city and district.
 * The access token follows the session (setAuth on every sign-in and refresh). Polling stays as the fallback.
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
      // The main channel first; presence-only channels after it (alsoPresentOn).
      const channels = new Map<string, RealtimeChannel>();
      const subscribed = new Set<string>();
      const tracked = new Set<string>();
      const wanted: string[] = [];
      let editing: string | null = null;
      let stopped = false;
      let ready = false;
      // Each page has its own presence key (the same on every channel).
      const key = `${me.userId}:${crypto.randomUUID()}`;
      // A change of what is tracked is an untrack, then a track: realtime-js's presence adapter rewrites the
      // metas it keeps (phx_ref → presence_ref) when a key joins again, after which that key's leaves no
      // longer match and the old entry would stay.
      const track = async (name: string) => {
        const channel = channels.get(name);
        if (!channel || !subscribed.has(name)) return;
        if (tracked.has(name)) await channel.untrack().catch(() => undefined);
        tracked.add(name);
        await channel.track({ user_id: me.userId, name: me.name, editing }).catch(() => undefined);
      };
      const people = (): PresentPerson[] => {
        const seen = new Map<string, PresentPerson>();
        for (const channel of channels.values()) {
          for (const metas of Object.values(channel.presenceState<Meta>())) {
            for (const m of metas) {
              if (!m.user_id || m.user_id === me.userId) continue;
              const known = seen.get(m.user_id);
              seen.set(m.user_id, { userId: m.user_id, name: m.name ?? known?.name ?? '', editing: known?.editing ?? m.editing ?? null });
            }
          }
        }
        return [...seen.values()];
      };
      const join = (name: string, main: boolean) => {
        if (stopped || channels.has(name)) return;
        const channel = client.channel(name, { config: { private: true, presence: { key } } });
        channels.set(name, channel);
        if (main) channel.on('broadcast', { event: 'feed' }, (message: { payload?: { seq?: number } }) => handlers.onWake(message.payload?.seq ?? null));
        channel
          .on('presence', { event: 'sync' }, () => handlers.onPresence(people()))
          .subscribe((status, error) => {
            if (status === 'SUBSCRIBED') {
              subscribed.add(name);
              if (main) handlers.onStatus(true);
              void track(name);
            } else {
              subscribed.delete(name);
              if (main) handlers.onStatus(false, error?.message ?? status);
            }
          });
      };
      const { data: auth } = client.auth.onAuthStateChange((event, session) => {
        if (session?.access_token && (event === 'TOKEN_REFRESHED' || event === 'SIGNED_IN')) void client.realtime.setAuth(session.access_token);
      });
      const start = async () => {
        const { data } = await client.auth.getSession();
        if (stopped) return;
        if (data.session) await client.realtime.setAuth(data.session.access_token);
        ready = true;
        join(topic, true);
        for (const name of wanted) join(name, false);
      };
      void start();
      return {
        editing(planItemId) {
          if (planItemId === editing) return;
          editing = planItemId;
          for (const name of channels.keys()) void track(name);
        },
        alsoPresentOn(topics) {
          for (const name of topics) {
            if (name === topic || wanted.includes(name)) continue;
            wanted.push(name);
            if (ready) join(name, false);
          }
        },
        async stop() {
          stopped = true;
          auth.subscription.unsubscribe();
          for (const channel of channels.values()) await client.removeChannel(channel);
        },
      };
    },
  };
}
