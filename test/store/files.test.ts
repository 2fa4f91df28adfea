// Where dealer's folders are: an XDG variable counts only when it is an absolute path (the XDG spec
// says a relative one is invalid and must be ignored).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDir, dataDir } from '../../src/store/files.js';

describe('XDG folders', () => {
  it('an absolute XDG_DATA_HOME and XDG_CONFIG_HOME are used', () => {
    const env = { XDG_DATA_HOME: '/srv/data', XDG_CONFIG_HOME: '/srv/config' };
    expect(dataDir(env, 'linux')).toBe('/srv/data/dealer');
    expect(configDir(env, 'linux')).toBe('/srv/config/dealer');
  });

  it.each(['relative/data', './data', 'data', '~/data'])('"%s" is ignored for both', (value) => {
    const env = { XDG_DATA_HOME: value, XDG_CONFIG_HOME: value };
    expect(dataDir(env, 'linux')).toBe(join(homedir(), '.local', 'share', 'dealer'));
    expect(configDir(env, 'linux')).toBe(join(homedir(), '.config', 'dealer'));
  });
});
