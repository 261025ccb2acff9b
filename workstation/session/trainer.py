"""A trainee working through a course (issue 25), as plain Python with events.

:class:`TrainerSession` puts the course's documents on the (simulated) platen one
after another — the simulated reader for the documents the simulator draws, the
specimen's own images on a platen for any other specimen of the library — forged
by editing the capture (:func:`workstation.training.forge`), worn by the
course's difficulty. The trainee examines every light beside the specimen,
without the automated checks unless the course unlocks them, and answers: a
conclusion, the forgery kind, marks. Each answer is scored against the ground
truth; the debrief adds the automated checks' evidence. At the end the course is
stored under the trainee (never as casework) and a signed certificate can be
issued.

Work runs on the :class:`~workstation.session.jobs.Runner`; events are emitted on
the home thread: ``itemReady(Exercise)``, ``debriefReady(Debrief)``,
``finished(Completion)``, ``failed(message, details)``, ``progressed(done, total,
text)`` while a document is being prepared.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from psygnal import Signal

from workstation.cases import CaseRepository, User
from workstation.errors import InputError
from workstation.examination.results import Examination
from workstation.findings import Annotation, AnnotationKind
from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.session.examination import ExamineFn, default_examine
from workstation.session.jobs import Job, ProgressFn, Runner
from workstation.specimens.edit_model import Donor, Layout, PageGeometry
from workstation.specimens.library import SpecimenLibrary
from workstation.training import (
    Course,
    CourseScore,
    ItemPlan,
    ItemScore,
    Mark,
    Response,
    Truth,
    Verdict,
    forge,
    plan_course,
    score_course,
    score_item,
    specimen_capture,
    straighten,
    wear,
)
from workstation.training.exercise import donor_of, geometry_from_corners, mm_rect
from workstation.training.records import RunSummary, TrainingStore
from workstation.types import CaptureSet, Image, Light, Specimen

#: Capture density of the trainer's documents (dpi): enough for every view, fast to make.
TRAINER_DPI = 200.0


@dataclass(frozen=True)
class Exercise:
    """One document on the trainer's platen.

    Attributes:
        plan: what it is meant to be (kind hidden from the trainee until answered).
        total: documents in the course.
        specimen: the reference specimen of its type.
        capture: the capture as the reader took it.
        page: the page straightened onto the specimen's images (same px), per light.
        truth: the ground truth (shown in the debrief only).
        examination: the automated checks' result, when the course unlocks them.
    """

    plan: ItemPlan
    total: int
    specimen: Specimen
    capture: CaptureSet
    page: dict[Light, Image]
    truth: Truth
    examination: Examination | None = None

    @property
    def number(self) -> int:
        """1-based position in the course."""
        return self.plan.index + 1


@dataclass(frozen=True)
class Debrief:
    """An answered document: the answer against the truth, and the automated evidence."""

    exercise: Exercise
    score: ItemScore
    examination: Examination | None = None


@dataclass(frozen=True)
class Completion:
    """A finished course: the figures and, once stored, its record."""

    course: Course
    score: CourseScore
    run: RunSummary | None = None
    debriefs: tuple[Debrief, ...] = ()
    timed_out: bool = False


def marks_from(annotations: Sequence[Annotation], *, dpi: float) -> tuple[Mark, ...]:
    """The trainee's rectangles (drawn on the page at ``dpi``) as marks in mm, with the
    light of the image each was drawn on."""
    out: list[Mark] = []
    for ann in annotations:
        if ann.kind is not AnnotationKind.RECTANGLE or len(ann.points) < 2:
            continue
        light: Light | None = None
        _, _, name = ann.image.partition(":")
        try:
            light = Light(name)
        except ValueError:
            light = None
        out.append(Mark(mm_rect((ann.points[0], ann.points[1]), ann.dpi or dpi), light))
    return tuple(out)


def make_exercise(plan: ItemPlan, course: Course, library: SpecimenLibrary, *,
                  dpi: float = TRAINER_DPI, examine: ExamineFn | None = None,
                  cancel: threading.Event | None = None) -> Exercise:
    """Make the document of ``plan`` (see the module docstring); ``examine`` runs the
    automated checks on it (the course unlocks them).

    Raises:
        InputError: the document cannot be made (one-line reason).
    """
    from workstation.hardware.simulated import NOMINAL_EXPOSURE_MS, SimulatedReader
    from workstation.specimens.render import DOCUMENTS

    spec = library.get(plan.document)
    lights = tuple(light for light in course.lights
                   if light in spec.image_lights or plan.document in DOCUMENTS)
    donor: Donor | None = None
    if plan.document in DOCUMENTS:
        sim_lights = tuple(light for light in lights if light in NOMINAL_EXPOSURE_MS)

        def simulated(seed: int) -> tuple[CaptureSet, PageGeometry]:
            reader = SimulatedReader(document=plan.document, seed=seed, dpi=dpi,
                                     lights=sim_lights)
            try:
                cap = reader.capture_all()
                corners = reader.truth["placement"]["corners_px"]
            finally:
                reader.close()
            # the simulator's ground truth stays out of what the trainee can open
            cap = CaptureSet(images=cap.images, dpi=cap.dpi, device=cap.device,
                             captured_at=cap.captured_at,
                             metadata={"training": {"specimen": spec.id}})
            return cap, geometry_from_corners(corners, spec.size_mm)

        genuine, geometry = simulated(plan.seed)
        if plan.kind == "photo_swap":
            if cancel is not None and cancel.is_set():
                raise InputError("cancelled")
            other, other_geometry = simulated(plan.seed + 1)
            donor = Donor(other, other_geometry)
    else:
        genuine, geometry = specimen_capture(spec, seed=plan.seed, lights=lights)
        if plan.kind == "photo_swap":
            donor = donor_of(spec, seed=plan.seed, lights=lights)
    forged, truth = forge(plan, genuine, geometry, spec, donor=donor)
    capture = wear(forged, difficulty=plan.difficulty, seed=plan.seed)
    page = straighten(capture, geometry, spec)
    exam = None
    if course.checks_unlocked and examine is not None:
        exam = examine(capture, specimen_id=spec.id)
    return Exercise(plan=plan, total=course.count, specimen=spec, capture=capture, page=page,
                    truth=truth, examination=exam)


class TrainerSession:
    """A course in progress (see the module docstring).

    Args:
        runner: where documents are made and answers stored.
        course: the course.
        trainee: who is training (their results are stored under this account).
        library: the specimen library the documents come from.
        repository: the case database the results go to (``None``: not stored).
        examine: the automated checks (default: the examination pipeline).
        clock: seconds, monotonic (tests pass their own).
        dpi: capture density of the documents.
    """

    itemReady = Signal(object)
    """The next document is on the platen: the :class:`Exercise`."""
    debriefReady = Signal(object)
    """An answer was scored: the :class:`Debrief`."""
    finished = Signal(object)
    """The course ended (all answered or time up) and was stored: :class:`Completion`."""
    progressed = Signal(int, int, str)
    """A document is being prepared: done, total, text."""
    failed = Signal(str, str)
    """Something failed: message, details."""

    def __init__(self, runner: Runner, course: Course, *, trainee: User | str,
                 library: SpecimenLibrary, repository: CaseRepository | None = None,
                 examine: ExamineFn | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 dpi: float = TRAINER_DPI) -> None:
        self.runner = runner
        self.course = course
        self.trainee = trainee
        self.library = library
        self.repository = repository
        self._examine = examine
        self._clock = clock
        self.dpi = dpi
        self.plans: list[ItemPlan] = []
        self.current: Exercise | None = None
        self.debriefs: list[Debrief] = []
        self.completion: Completion | None = None
        self.started_at: dt.datetime | None = None
        self._t0 = 0.0
        self._shown_at = 0.0
        self._ready: dict[int, Exercise] = {}
        self._jobs: dict[int, Job] = {}
        self._waiting_for: int | None = None
        self._run_uid = str(uuid.uuid4())

    # -- the course ---------------------------------------------------------------------
    def start(self) -> None:
        """Plan the course and put its first document on the platen.

        Raises:
            InputError: the course cannot run on this library (one-line reason).
        """
        layouts = {}
        for doc in self.course.documents:
            try:
                layouts[doc] = Layout.from_specimen(self.library.get(doc))
            except KeyError:
                raise InputError(f"course {self.course.id}: the library has no specimen "
                                 f"{doc!r}") from None
        self.plans = plan_course(self.course, layouts)
        self.started_at = dt.datetime.now(dt.UTC)
        self._t0 = self._clock()
        self._show(0)

    @property
    def answered(self) -> int:
        return len(self.debriefs)

    def elapsed_s(self) -> float:
        """Seconds since the course started."""
        return self._clock() - self._t0 if self.started_at else 0.0

    def time_left_s(self) -> float | None:
        """Seconds left (``None``: no limit)."""
        if not self.course.time_limit_s:
            return None
        return max(0.0, self.course.time_limit_s - self.elapsed_s())

    def examination_shown(self) -> Examination | None:
        """The automated checks the trainee may see now (only when the course unlocks
        them)."""
        if self.current is None or not self.course.checks_unlocked:
            return None
        return self.current.examination

    # -- documents ----------------------------------------------------------------------
    def _examine_fn(self) -> ExamineFn:
        if self._examine is None:
            self._examine = default_examine()
        return self._examine

    def _prepare(self, index: int) -> None:
        if index >= len(self.plans) or index in self._ready or index in self._jobs:
            return
        plan = self.plans[index]
        examine = self._examine_fn() if self.course.checks_unlocked else None

        def work(progress: ProgressFn, cancel: threading.Event) -> Exercise:
            progress(0, 1, said(QT_TRANSLATE_NOOP(
                "session", "Placing document {number} of {total}…"),
                number=index + 1, total=len(self.plans)))
            return make_exercise(plan, self.course, self.library, dpi=self.dpi,
                                 examine=examine, cancel=cancel)

        def done(ex: Exercise) -> None:
            self._jobs.pop(index, None)
            self._ready[index] = ex
            if self._waiting_for == index:
                self._waiting_for = None
                self._present(ex)

        def failed(message: str, details: str) -> None:
            self._jobs.pop(index, None)
            self.failed.emit(message, details)

        def progress(d: int, t: int, text: str) -> None:
            if self._waiting_for == index:
                self.progressed.emit(d, t, text)

        self._jobs[index] = self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Document {number}"), number=index + 1),
            work, done=done,
            failed=failed, progress=progress)

    def _show(self, index: int) -> None:
        ready = self._ready.get(index)
        if ready is not None:
            self._present(ready)
            return
        self._waiting_for = index
        self._prepare(index)

    def _present(self, ex: Exercise) -> None:
        self.current = ex
        self._shown_at = self._clock()
        self.itemReady.emit(ex)
        self._prepare(ex.plan.index + 1)  # the next one, while this one is examined

    # -- answers ------------------------------------------------------------------------
    def answer(self, verdict: Verdict | str, *, kind: str | None = None,
               marks: Sequence[Mark] = (), annotations: Sequence[Annotation] = ()) -> Debrief:
        """Answer the document on the platen; returns its debrief (also emitted).

        ``marks`` (mm) and ``annotations`` (rectangles drawn on the page) both count as
        the trainee's marks.

        Raises:
            InputError: nothing is on the platen, the course has ended, or the kind is
                not one of the course's.
        """
        ex = self.current
        if ex is None or self.completion is not None:
            raise InputError("no document is waiting for an answer")
        verdict = Verdict(verdict)
        if kind is not None and verdict is Verdict.FORGED and kind not in self.course.forgeries:
            raise InputError(f"{kind!r} is not one of this course's forgery kinds")
        if verdict is not Verdict.FORGED:
            kind = None
        all_marks = tuple(marks) + marks_from(annotations, dpi=ex.specimen.dpi)
        response = Response(verdict=verdict, kind=kind, marks=all_marks,
                            seconds=max(0.0, self._clock() - self._shown_at))
        score = score_item(ex.plan.index, ex.plan.document, ex.truth, response)
        debrief = Debrief(exercise=ex, score=score, examination=ex.examination)
        self.debriefs.append(debrief)
        self.current = None
        self.debriefReady.emit(debrief)
        if debrief.examination is None:
            self._examine_for_debrief(len(self.debriefs) - 1)
        return debrief

    def _examine_for_debrief(self, position: int) -> None:
        """Run the automated checks on an answered document and re-emit its debrief with
        their evidence (after the answer: they never help the trainee)."""
        examine = self._examine_fn()
        ex = self.debriefs[position].exercise

        def work(progress: ProgressFn, cancel: threading.Event) -> Examination:
            return examine(ex.capture, specimen_id=ex.specimen.id)

        def done(exam: Examination) -> None:
            old = self.debriefs[position]
            self.debriefs[position] = Debrief(old.exercise, old.score, exam)
            self.debriefReady.emit(self.debriefs[position])

        def failed(message: str, details: str) -> None:
            self.failed.emit(message, details)

        self.runner.submit(said(QT_TRANSLATE_NOOP(
            "session", "Checks of document {number}"), number=position + 1), work, done=done,
                           failed=failed)

    def next(self) -> bool:
        """Put the next document on the platen; ``False`` when the course is over (then
        it is finished and stored)."""
        if self.completion is not None:
            return False
        if self.time_left_s() == 0.0:
            self.finish(timed_out=True)
            return False
        index = len(self.debriefs)
        if index >= len(self.plans):
            self.finish()
            return False
        self._show(index)
        return True

    def finish(self, *, timed_out: bool = False) -> None:
        """End the course: documents not answered count as "can't tell"; the result is
        stored under the trainee (when a case database is given) and ``finished`` is
        emitted."""
        if self.completion is not None:
            return
        for job in self._jobs.values():
            job.cancel()
        for plan in self.plans[len(self.debriefs):]:
            ex = self._ready.get(plan.index)
            truth = ex.truth if ex is not None else _truth_unseen(plan)
            self.debriefs.append(Debrief(
                exercise=ex if ex is not None else _unseen(plan, len(self.plans)),
                score=score_item(plan.index, plan.document, truth,
                                 Response(verdict=Verdict.UNSURE))))
        self.current = None
        score = score_course([d.score for d in self.debriefs])
        completion = Completion(self.course, score, None, tuple(self.debriefs), timed_out)
        self.completion = completion
        if self.repository is None:
            self.finished.emit(completion)
            return
        repo = self.repository
        started = self.started_at or dt.datetime.now(dt.UTC)

        def work(progress: ProgressFn, cancel: threading.Event) -> RunSummary:
            return TrainingStore(repo).record_run(
                trainee=self.trainee, course=self.course, score=score, started_at=started,
                finished_at=dt.datetime.now(dt.UTC), run_uid=self._run_uid)

        def done(run: RunSummary) -> None:
            self.completion = Completion(self.course, score, run, tuple(self.debriefs),
                                         timed_out)
            self.finished.emit(self.completion)

        def failed(message: str, details: str) -> None:
            self.failed.emit(message, details)
            self.finished.emit(completion)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Storing the course")),
            work, done=done, failed=failed)

    def close(self) -> None:
        """Stop preparing documents."""
        for job in self._jobs.values():
            job.cancel()
        self._jobs.clear()


def _truth_unseen(plan: ItemPlan) -> Truth:
    from workstation.training.exercise import revealing_lights

    if plan.kind is None:
        return Truth(kind=None)
    return Truth(kind=plan.kind, lights=revealing_lights(plan.kind))


def _unseen(plan: ItemPlan, total: int) -> Exercise:
    """A document the time limit left unseen (no images)."""
    import numpy as np

    blank = np.zeros((1, 1, 3), np.uint8)
    spec = Specimen(id=plan.document, title=plan.document, issuing_state="", document_code="",
                    mrz_format=None, series="", valid_from=None, valid_until=None,
                    size_mm=(1.0, 1.0), dpi=25.4, image_lights=(), zones=())
    return Exercise(plan=plan, total=total, specimen=spec,
                    capture=CaptureSet(images={Light.WHITE: blank}), page={},
                    truth=_truth_unseen(plan))


def certify(run: RunSummary | None, identity: object, *, repository: CaseRepository | None,
            signer: User | str, trainee_display: str = "", office: str = "") -> bytes:
    """The signed certificate of a stored, passed course (its SHA-256 noted in the case
    database). The signer is an instructor or supervisor, never the trainee.

    Raises:
        InputError: the course was not stored or not passed, or the trainee would sign
            their own certificate.
    """
    from workstation.training.certificate import build_certificate, sign_certificate
    from workstation.training.exercise import KIND_LABELS

    if run is None:
        raise InputError("the course was not stored: no certificate")
    if not run.passed:
        raise InputError("the course was not passed: no certificate")
    name = signer.name if isinstance(signer, User) else str(signer)
    if name == run.trainee:
        raise InputError("a trainee does not sign their own certificate: an instructor or "
                         "supervisor issues it")
    pdf = build_certificate(run, trainee_display=trainee_display, office=office,
                            kind_labels=KIND_LABELS)
    signed = sign_certificate(pdf, identity, location=office)  # type: ignore[arg-type]
    if repository is not None:
        TrainingStore(repository).set_certificate(run.run_uid, signed, user=signer)
    return signed


__all__ = ["TRAINER_DPI", "Completion", "Debrief", "Exercise", "TrainerSession", "certify",
           "make_exercise", "marks_from"]
