package vocab

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Unit is what a figure's value counts or measures: a bare number of
// things (Count), a percentage (Percent), percentage points (Points), an
// amount of money in an ISO 4217 currency, or a physical unit. The zero
// value is no unit at all and is not Valid.
//
// Units are stored and exchanged by name (String), never by their number:
// the numbers of this type may change from one version to the next.
type Unit uint16

// The units that are not currencies. Currencies are parsed from their
// ISO 4217 codes (ParseUnit("CNY")).
const (
	Count             Unit = iota + 1 // a bare number of things: enterprises, visitors
	Percent                           // a percentage, such as a growth rate
	Points                            // percentage points, a difference of percentages
	Tonnes                            // metric tonnes (also of oil equivalent)
	Kilograms                         // kg
	Kilometres                        // km
	SquareKilometres                  // km2
	Metres                            // m
	SquareMetres                      // m2
	CubicMetres                       // m3
	Hectares                          // hectares
	Mu                                // mu, the Chinese unit of land area (1/15 hectare)
	KilowattHours                     // kWh, energy
	Kilowatts                         // kW, power
	Megawatts                         // MW
	Gigawatts                         // GW
	TEU                               // twenty-foot equivalent units of container traffic
	Barrels                           // barrels of oil
	Litres                            // litres
	KilometresPerHour                 // km/h, speed
	Days                              // a duration in days
	firstCurrency
)

// unitNames are the names of the units before firstCurrency, by value.
var unitNames = [...]string{
	Count: "count", Percent: "percent", Points: "points",
	Tonnes: "tonnes", Kilograms: "kg", Kilometres: "km", SquareKilometres: "km2",
	Metres: "m", SquareMetres: "m2", CubicMetres: "m3", Hectares: "hectares", Mu: "mu",
	KilowattHours: "kWh", Kilowatts: "kW", Megawatts: "MW", Gigawatts: "GW",
	TEU: "TEU", Barrels: "barrels", Litres: "liters", KilometresPerHour: "km/h", Days: "days",
}

// currencies are the ISO 4217 codes of the currencies in circulation
// (funds, precious metals and testing codes left out).
var currencies = strings.Fields(`
	AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
	BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD
	EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS
	INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD
	LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK
	NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
	SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
	UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL`)

// unitsByName maps each unit's lower-case name to the unit. It is built
// on the first ParseUnit, not when the package initialises: 180 entries,
// one allocation each, that a process which parses no unit (almanac
// query, most statements) should not pay for at start.
var unitsByName = sync.OnceValue(func() map[string]Unit {
	m := make(map[string]Unit, len(unitNames)+len(currencies))
	for _, u := range Units() {
		m[strings.ToLower(u.String())] = u
	}
	return m
})

// Valid reports whether u is a defined unit.
func (u Unit) Valid() bool { return u >= Count && int(u) < int(firstCurrency)+len(currencies) }

// IsCurrency reports whether u is an amount of money.
func (u Unit) IsCurrency() bool { return u.Valid() && u >= firstCurrency }

// String returns the unit's name: count, percent, points, a currency code
// such as CNY, or a physical unit such as tonnes, km2, kWh or MW.
func (u Unit) String() string {
	switch {
	case !u.Valid():
		return "unit(" + strconv.Itoa(int(u)) + ")"
	case u >= firstCurrency:
		return currencies[u-firstCurrency]
	}
	return unitNames[u]
}

// ParseUnit returns the unit named s, in any letter case ("cny" is CNY):
// count, percent, points, an ISO 4217 currency code, or one of the
// physical units String names.
func ParseUnit(s string) (Unit, error) {
	if u, ok := unitsByName()[strings.ToLower(strings.TrimSpace(s))]; ok {
		return u, nil
	}
	return 0, fmt.Errorf("unknown unit %q (want count, percent, points, an ISO 4217 currency code such as CNY, or a unit such as tonnes, km2, hectares, kWh or MW)", s)
}

// Units returns every unit: the ones named by constants in their order,
// then the currencies in the order of their codes.
func Units() []Unit {
	out := make([]Unit, 0, int(firstCurrency)-1+len(currencies))
	for u := Count; int(u) < int(firstCurrency)+len(currencies); u++ {
		out = append(out, u)
	}
	return out
}
