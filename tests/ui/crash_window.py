"""The window as it starts for real (reader, examination, case database, recovery), driven
for test_crash_recovery.py.

    python -m tests.ui.crash_window capture   # capture; print "stored <id>" once stored
    python -m tests.ui.crash_window reopen    # print what the start-up reopened, close
    python -m tests.ui.crash_window typed     # capture, type findings; print "typed <id>"
                                              # (then SIGTERM closes it, saving them)
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = sys.argv[1]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workstation.ui.app import close_on_termination, start_collaborators
    from workstation.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["workstation"])
    window = MainWindow(None, user="anna")
    window.set_reader(None, opening=True)
    close_on_termination(window)  # as main() does
    window.show()

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    if mode == "typed":
        from workstation.findings import Findings

        typed: list[bool] = []

        def type_findings(record: object) -> None:
            if typed:
                return
            typed.append(True)
            window.work.edit(Findings(text="Typed just before the logout"))
            say(f"typed {window.case_record.id if window.case_record else 0}")

        def capture_first() -> None:
            if window.reader is None:
                QTimer.singleShot(50, capture_first)
                return
            window.work.stored.connect(type_findings)
            window.capture_async()

        QTimer.singleShot(0, capture_first)
    elif mode == "capture":
        def capture_when_ready() -> None:
            if window.reader is None:
                QTimer.singleShot(50, capture_when_ready)
                return
            window.work.stored.connect(lambda record: say(f"stored {record.id}"))
            window.capture_async()

        QTimer.singleShot(0, capture_when_ready)
    else:
        def shown(_examined: object) -> None:
            rec, exam, cap = window.case_record, window.examination, window.capture
            if rec is None or exam is None or cap is None:
                return
            say(f"reopened {rec.id} {','.join(li.value for li in cap.lights)} "
                f"{exam.verdict.value} {window.state.lights()}")
            QTimer.singleShot(0, window.close)
            QTimer.singleShot(100, app.quit)

        window.work.examined.connect(shown)
        window.work.opened.connect(shown)

        def nothing() -> None:
            if window.reader is not None and not window.runner.running \
                    and window.case_record is None:
                say("nothing reopened")
                window.close()
                app.quit()
            else:
                QTimer.singleShot(200, nothing)

        QTimer.singleShot(3000, nothing)
    start_collaborators(window, ("UTO-P-2020", "office_paper", 3))
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
