import { findNumbers, parsePhoneNumberFromString } from 'libphonenumber-js/max';
const t = 'Bel +31 6 75331188 of 06-75331188 of 020-5551234 of 09.00-10.30 en 12-03-2024 en 2024-2028 of 0031 20 5551234.';
console.log(findNumbers(t, { defaultCountry: 'NL', v2: true, leniency: 'POSSIBLE' } as never));
const p = parsePhoneNumberFromString('+31 6 75331188');
console.log(p?.isPossible(), p?.isValid(), p?.getType());
