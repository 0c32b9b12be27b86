package main

// The IANA time-zone database, embedded (≈ 450 KB). Shops, business hours
// and service targets are kept in named zones (Asia/Shanghai,
// Europe/Berlin …). Windows has no zoneinfo files, and Go looks for one
// only in its own GOROOT, which a user's machine does not have: without
// this, `report` and the customer-care figures fail there with "time zone
// Asia/Shanghai is unknown" (found by make dist-test under wine). Where the
// system has its own database (Linux), Go still prefers that.
import _ "time/tzdata"
