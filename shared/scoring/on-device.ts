import type { Instrument, SittingInstrument } from '../schemas/instrument.ts';

/**
 * Whether a device can score the instrument itself: only when it has no keyed
 * items, since a test reaches the device without its keys. (Its own module,
 * free of zod, so that the panel's bundle can ask.)
 */
export function isScorableOnDevice(instrument: SittingInstrument): instrument is Instrument {
  return instrument.items.every((item) => item.kind === 'likert');
}
