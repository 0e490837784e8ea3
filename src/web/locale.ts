// Pages live under a two-letter language prefix; the locale middleware answers 404 for any
// prefix that is not one of the six languages, so page handlers always have a language.
export const localePath = '/:lang{[a-z]{2}}';
