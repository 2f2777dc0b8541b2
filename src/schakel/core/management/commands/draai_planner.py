"""``schakel draai-planner`` (alias ``run-scheduler``): the all-in-one scheduler for the demo
and small installations.

Every ``--interval`` seconds it runs the sweeps the apps registered with
:mod:`schakel.core.scheduler` (escalation, uitvoeringstoets, retoursticker, agendering,
notification mail); once a day, from ``SCHAKEL_DIGEST_UUR`` (local time), the daily ones
(the digests).
Each step is idempotent, so it is safe next to cron jobs or a second scheduler. A
failing step (e.g. the database is down) is logged and retried on the next tick.
In production prefer cron or systemd timers (docs/deadlines-and-escalation.md).
"""

import logging
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection

from schakel.core import clock, scheduler

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the registered sweeps (escalation, uitvoeringstoets, retoursticker, agendering, mail) on a timer."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between ticks (default 60).")
        parser.add_argument("--once", action="store_true", help="Run one tick and exit.")
        parser.add_argument("--digest-hour", type=int, default=None,
                            help="Local hour from which the daily digest is sent (default SCHAKEL_DIGEST_UUR).")

    def handle(self, *args, interval, once, digest_hour, **options):
        if interval <= 0:
            raise CommandError("--interval must be positive.")
        digest_uur = getattr(settings, "SCHAKEL_DIGEST_UUR", 7) if digest_hour is None else digest_hour
        if not 0 <= digest_uur <= 23:
            raise CommandError("--digest-hour must be between 0 and 23.")
        self._stop = False
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._request_stop)
        self.stdout.write(f"Scheduler started: sweep and mail every {interval:g}s, digest from {digest_uur}:00. "
                          "Stop with Ctrl+C.")
        laatste_overzicht = None
        while not self._stop:
            laatste_overzicht = self.tick(digest_uur, laatste_overzicht)
            if once:
                break
            einde = time.monotonic() + interval
            while not self._stop and time.monotonic() < einde:
                time.sleep(min(0.5, interval))
        self.stdout.write("Scheduler stopped.")

    def _request_stop(self, signum, frame):
        self._stop = True

    def _step(self, naam, functie):
        if not connection.in_atomic_block:  # drop a broken or expired connection before each step
            close_old_connections()
        try:
            uitkomst = functie()
        except Exception as fout:  # noqa: BLE001 - keep the scheduler alive; the step retries next tick
            log.exception("Scheduler step %s failed", naam)
            self.stderr.write(f"{clock.now():%Y-%m-%d %H:%M:%S} {naam} failed: {fout}. Retrying next tick.")
            return None
        self.stdout.write(f"{clock.now():%Y-%m-%d %H:%M:%S} {naam}: {scheduler.samenvatting(uitkomst)}.")
        return uitkomst

    def tick(self, digest_uur, laatste_overzicht):
        for sweep in scheduler.sweeps(dagelijks=False):
            self._step(sweep.naam, sweep.functie)
        vandaag = clock.today()
        lokaal_uur = clock.now().astimezone(clock.AMSTERDAM).hour
        if laatste_overzicht != vandaag and lokaal_uur >= digest_uur:
            gelukt = [self._step(sweep.naam, sweep.functie) is not None for sweep in scheduler.sweeps(dagelijks=True)]
            if all(gelukt):
                laatste_overzicht = vandaag
        return laatste_overzicht
