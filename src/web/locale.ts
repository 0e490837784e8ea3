// Pages live under a language prefix; the route pattern admits only the six languages.
import { languages } from '../language/languages.ts';

export const localePath = `/:lang{${languages.join('|')}}`;
