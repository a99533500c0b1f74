// Package network holds the rules of a parent's support network in Non
// Violent Resistance: the supporters a parent has told about what is
// happening at home (breaking secrecy), what each has agreed to do, the
// parent's contacts with them, and telephone rounds. It is pure: types,
// plain-word labels and validation, with no storage and no HTTP.
//
// Nothing here blames anyone. A supporter who said no is recorded as such,
// with no judgement, and the parent can ask again or ask someone else.
package network
