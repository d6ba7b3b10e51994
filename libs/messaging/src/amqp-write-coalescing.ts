import type { ChannelModel } from 'amqplib';
import type { Writable } from 'stream';

const COALESCED = Symbol('lotsen.coalesced');

/**
 * amqplib's muxer moves its channels' frames to the socket on the next turn of the event loop,
 * but writes them one by one: a batch of 50 acks, or an outbox batch of publishes, became 50
 * write syscalls and as many small TCP segments for the broker to read. With the socket corked
 * while the muxer runs, one turn's frames leave in a single writev. Order and back-pressure are
 * unchanged: the muxer still stops at the socket's high-water mark and resumes on 'drain'.
 *
 * The muxer is amqplib's internal (0.10.x). If a later version moves it, nothing is patched and
 * the connection works as before, only with a write per frame (returns false so it can be logged).
 */
export function coalesceFrameWrites(model: ChannelModel): boolean {
  const muxer = (model as unknown as { connection?: { muxer?: Muxer } }).connection?.muxer;
  const out = muxer?.out;
  if (!muxer || typeof muxer._readIncoming !== 'function' || typeof out?.cork !== 'function' || typeof out.uncork !== 'function') return false;
  if (muxer[COALESCED]) return true;
  const readIncoming = muxer._readIncoming.bind(muxer);
  muxer._readIncoming = () => {
    out.cork();
    try {
      readIncoming();
    } finally {
      out.uncork();
    }
  };
  muxer[COALESCED] = true;
  return true;
}

interface Muxer {
  out?: Writable;
  _readIncoming: () => void;
  [COALESCED]?: boolean;
}
