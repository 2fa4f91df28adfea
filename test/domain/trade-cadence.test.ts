// A trade's rhythm follows the prospect: a house buyer in a car book keeps real estate's two days,
// a car buyer in a real-estate book the car's three; a cadence set by hand is the book's trade's.
import { describe, expect, it } from 'vitest';
import { cadenceDays } from '../../src/domain/schedule.js';
import { settingsFrom } from '../../src/domain/settings.js';
import { PROFILES, TRADES } from '../../src/domain/trade.js';

describe('cadence by the prospect\'s trade', () => {
  it('uses the prospect\'s own trade over the book\'s', () => {
    const car = settingsFrom({});
    expect(cadenceDays(car, 'person', 'contacted', 'O')).toBe(3);
    expect(cadenceDays(car, 'person', 'contacted', 'O', 'real-estate')).toBe(2);
    expect(cadenceDays(car, 'person', 'contacted', 'O', 'insurance')).toBe(1);
    expect(cadenceDays(car, 'org', 'contacted', 'A', 'medical')).toBe(14);
    const house = settingsFrom({ trade: 'real-estate' });
    expect(cadenceDays(house, 'person', 'contacted', 'O')).toBe(2);
    expect(cadenceDays(house, 'person', 'contacted', 'O', 'car')).toBe(3);
    // Bought: kept in touch the same way whatever the trade.
    expect(cadenceDays(car, 'person', 'won', 'O', 'real-estate')).toBe(90);
  });

  it("keeps a cadence set by hand to the book's own trade: another trade's deal keeps that trade's rhythm", () => {
    const s = settingsFrom({ 'cadence.person.O': '5' });
    expect(cadenceDays(s, 'person', 'contacted', 'O')).toBe(5);
    expect(cadenceDays(s, 'person', 'contacted', 'O', 'car')).toBe(5);
    expect(cadenceDays(s, 'person', 'contacted', 'O', 'real-estate')).toBe(2);
    expect(cadenceDays(s, 'person', 'contacted', 'A', 'real-estate')).toBe(3);
    const house = settingsFrom({ trade: 'real-estate', 'cadence.person.O': '4' });
    expect(cadenceDays(house, 'person', 'contacted', 'O')).toBe(4);
    expect(cadenceDays(house, 'person', 'contacted', 'O', 'car')).toBe(3);
  });

  it('gives every trade but the car its own rhythm, goal and needs questions', () => {
    for (const trade of TRADES.filter((t) => t !== 'car')) {
      const p = PROFILES[trade];
      expect(p.cadence, trade).toBeDefined();
      expect(p.goal, trade).toBeDefined();
      expect(p.consult, trade).toBe(`consult-${trade}`);
    }
    expect(settingsFrom({ trade: 'medical' }).cadence.org.O).toBe(7);
    expect(settingsFrom({ trade: 'travel' }).goal).toBe(10);
  });
});

describe('the trade a prospect is worked in', () => {
  it("is its own when it has one, else the book's", async () => {
    const { tradeFor } = await import('../../src/domain/trade.js');
    expect(tradeFor({ trade: 'real-estate' }, { trade: 'car' })).toBe('real-estate');
    expect(tradeFor({ trade: null }, { trade: 'travel' })).toBe('travel');
    expect(tradeFor({}, { trade: 'medical' })).toBe('medical');
  });
});
