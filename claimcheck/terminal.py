"""The CLI's terminal side: a progress display on standard error while a corpus loads.

The core only calls `progress(done, total, file)` per file (see `analysis.analyze`); this
turns the calls into a rich progress bar, shown once loading has taken `delay` seconds,
so small corpora never flicker. The CLI uses it only when standard error is a terminal,
outside CI, and for the table format.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class LoadProgress:
    """A callable for `analyze(progress=...)`; `close()` removes the display (call it in
    a `finally`)."""

    def __init__(self, delay: float = 1.0, console: Console | None = None) -> None:
        self.delay = delay
        self.started = time.monotonic()
        self.console = console or Console(stderr=True)
        self.progress: Progress | None = None
        self.task = None

    def __call__(self, done: int, total: int, file: str) -> None:
        if self.progress is None:
            if done >= total or time.monotonic() - self.started < self.delay:
                return
            self.progress = Progress(
                TextColumn("reading the corpus"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}", style="dim", markup=False),  # a file name is no markup
                console=self.console,
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("", total=total)
        self.progress.update(self.task, completed=done, description=file)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
