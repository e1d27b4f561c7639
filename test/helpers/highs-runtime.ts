/**
 * HiGHS's runtime, for tests that drive it directly rather than through a backend. The
 * package's types describe a CommonJS default; at run time ESM gives the loader itself.
 */
import highsModule, { type Highs } from 'highs';

type Loader = () => Promise<Highs>;

export const loadHighs = ((highsModule as unknown as { default?: Loader }).default ??
  highsModule) as unknown as Loader;
