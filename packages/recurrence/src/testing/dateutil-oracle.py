"""An independent RRULE expansion for the recurrence tests: python-dateutil's rrule in the
series' wall-clock time, each occurrence placed in its time zone by zoneinfo (RFC 5545: a time
skipped by a DST gap moves forward by the gap, a repeated time is the first of the two).

One JSON request per line on stdin, one JSON answer per line on stdout:
  {"rrule": "FREQ=DAILY;UNTIL=20261231", "dtstart": "2026-03-01T02:30:00",
   "zone": "America/New_York", "after": "2026-03-01T07:30:00Z", "take": 5}
  -> {"instants": ["2026-03-02T07:30:00Z", ...]}   (at most `take`, strictly after `after`)
"""
import json
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr


def split_until(rule):
    """UNTIL is applied here, to real instants (a UTC date-time) or local dates (a DATE)."""
    parts, until = [], None
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key == "UNTIL":
            until = value
        else:
            parts.append(part)
    return ";".join(parts), until


def within_until(until, wall, instant):
    if until is None:
        return True
    if until.endswith("Z"):
        limit = datetime.strptime(until, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        return instant <= limit
    return wall.strftime("%Y%m%d") <= until


def answer(request):
    rule, until = split_until(request["rrule"])
    zone = ZoneInfo(request["zone"])
    dtstart = datetime.fromisoformat(request["dtstart"])
    after = datetime.fromisoformat(request["after"].replace("Z", "+00:00"))
    instants = []
    for wall in rrulestr("RRULE:" + rule, dtstart=dtstart):
        # fold=0: the earlier reading of a repeated time; for a skipped time, the offset before the gap.
        instant = wall.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)
        if not within_until(until, wall, instant) or len(instants) >= request["take"]:
            break
        if instant > after:
            instants.append(instant.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return {"instants": instants}


for line in sys.stdin:
    try:
        result = answer(json.loads(line))
    except Exception as error:  # reported to the test, which fails on it
        result = {"error": f"{type(error).__name__}: {error}"}
    print(json.dumps(result), flush=True)
