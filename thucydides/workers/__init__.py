"""Worker processes for reading and processing reports: every core used, every task stoppable."""

from thucydides.workers.pool import Finished, Output, Started, Stopped, Supervisor, Tick, WorkerSetupError

__all__ = ["Finished", "Output", "Started", "Stopped", "Supervisor", "Tick", "WorkerSetupError"]
