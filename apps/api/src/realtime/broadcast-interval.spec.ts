import { broadcastIntervalMs } from './live-broadcaster';

describe('broadcast interval', () => {
  it('is 100 ms for a small room and grows with the connections on this process, up to 400 ms', () => {
    expect(broadcastIntervalMs(0)).toBe(100);
    expect(broadcastIntervalMs(40)).toBe(106);
    expect(broadcastIntervalMs(1000)).toBe(250);
    expect(broadcastIntervalMs(2000)).toBe(400);
    expect(broadcastIntervalMs(50_000)).toBe(400);
  });
});
