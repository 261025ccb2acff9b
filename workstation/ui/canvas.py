"""One pane of the image area: draws what :class:`ViewerState` renders for it.

The canvas never converts a whole image: each paint asks the state for the
visible crop (from the right pyramid level), wraps it in a ``QImage`` without
copying, and draws it scaled into place. Zones, annotations, the swipe divider
and the loupe are drawn on top.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from workstation.findings import Annotation, AnnotationKind
from workstation.labels import light_label
from workstation.session.viewer import (
    Annotator,
    Origin,
    Pane,
    Tool,
    ViewerState,
    Viewport,
)
from workstation.types import Image
from workstation.ui.pane_titles import pane_title, source_title
from workstation.ui.texts import QT, tx
from workstation.ui.theme import DARK, Theme, status_colour


def qimage_of(image: Image) -> tuple[QImage, Image]:
    """A QImage sharing ``image``'s memory, and the array to keep alive while it is drawn.

    A crop of a larger image (rows contiguous, a longer stride between rows) is
    wrapped as it is, without copying; anything else is made contiguous first.
    """
    channels = 1 if image.ndim == 2 else 3
    fmt = QImage.Format.Format_Grayscale8 if channels == 1 else QImage.Format.Format_RGB888
    h, w = image.shape[:2]
    pixel_ok = image.strides[1] == channels and (channels == 1 or image.strides[2] == 1)
    if not image.flags.c_contiguous and pixel_ok and image.strides[0] >= w * channels:
        stride = int(image.strides[0])
        nbytes = (h - 1) * stride + w * channels
        flat = np.lib.stride_tricks.as_strided(image, shape=(nbytes,), strides=(1,))
        return QImage(flat.data, w, h, stride, fmt), flat
    arr = np.ascontiguousarray(image)
    return QImage(arr.data, w, h, w * channels, fmt), arr


class ImageCanvas(QWidget):
    """A zoomable, pannable view of one pane."""

    hovered = Signal(float, float)          # image px under the cursor
    annotation_added = Signal(object)       # Annotation

    def __init__(self, state: ViewerState, annotator: Annotator, pane: Pane,
                 theme: Callable[[], Theme] = lambda: DARK, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.state = state
        self.annotator = annotator
        self.pane = pane
        self.theme = theme
        self.loupe = False
        self.t0 = time.monotonic()
        self._drag: tuple[str, QPointF] | None = None
        self._mouse: QPointF | None = None
        self._keep: list[Image] = []
        self.last_frame_ms = 0.0
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- geometry ------------------------------------------------------------------------
    @property
    def viewport(self) -> Viewport:
        return self.state.viewport_for(self.pane)

    def set_pane(self, pane: Pane) -> None:
        self.pane = pane
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.viewport.resize(self.width(), self.height())
        super().resizeEvent(event)

    def image_key(self) -> str:
        return str(self.pane.sources[0]) if self.pane.sources else "capture:white"

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        start = time.perf_counter()
        t = self.theme()
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(t.canvas))
        vp = self.viewport
        if (vp.view_w, vp.view_h) != (self.width(), self.height()):
            vp.view_w, vp.view_h = self.width(), self.height()
        frame = self.state.render(self.pane, t_ms=(time.monotonic() - self.t0) * 1000.0,
                                  viewport=vp)
        self._keep.clear()
        if frame is not None:
            self._draw_image(p, frame.image, frame.rect, vp)
            if self.pane.role != "live" and (self.state.show_zones or self.state.selected_zone):
                self._draw_zones(p, vp, t)
            if self.pane.role != "live" and self.state.show_codes and self.state.outlines \
                    and not self._is_chip():
                self._draw_outlines(p, vp, t)
            if self.pane.role != "live":
                self._draw_annotations(p, vp, t)
            if self.pane.role == "swipe":
                x = self.state.swipe_position * self.width()
                p.setPen(QPen(QColor("#ffffff"), 2))
                p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
                p.setBrush(QColor(t.accent))
                p.drawEllipse(QPointF(x, self.height() / 2), 9, 9)
                self._swipe_tags(p, x)
            if self.loupe and self._mouse is not None:
                self._draw_loupe(p, vp)
        else:
            p.setPen(QColor(t.muted))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       tx("image area", "No image yet — place a document and press "
                          "Capture (Space)"))
        self._draw_title(p, t)
        p.end()
        self.last_frame_ms = (time.perf_counter() - start) * 1000.0

    def _draw_image(self, p: QPainter, image: Image, rect: tuple[float, float, float, float],
                    vp: Viewport) -> None:
        q, arr = qimage_of(image)
        self._keep.append(arr)
        x0, y0 = vp.image_to_view(rect[0], rect[1])
        x1, y1 = vp.image_to_view(rect[2], rect[3])
        # well beyond 1:1 show the real pixels (forensic zoom); below that, smooth,
        # except while the user is moving the image (the still frame is smooth)
        smooth = vp.scale < 3.0 and not self.state.interactive
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        p.drawImage(QRectF(x0, y0, x1 - x0, y1 - y0), q)

    def _draw_zones(self, p: QPainter, vp: Viewport, t: Theme) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        font = QFont(self.font())
        font.setPointSizeF(8.5)
        p.setFont(font)
        for z in self.state.zones:
            if not self.state.show_zones and z.id != self.state.selected_zone:
                continue
            x, y, w, h = z.rect
            vx0, vy0 = vp.image_to_view(x, y)
            vx1, vy1 = vp.image_to_view(x + w, y + h)
            colour = QColor(status_colour(t, z.status.value) if z.status else "#7cc4ff")
            selected = z.id == self.state.selected_zone
            pen = QPen(colour, 3 if selected else 1.5)
            if not selected:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(vx0, vy0, vx1 - vx0, vy1 - vy0))
            # the longest label that fits over the zone: name and expectations, name, none
            fm = p.fontMetrics()
            room = max(vx1 - vx0, 0) + (60 if selected else 0)
            label = ""
            name = tx("zones", z.label)
            expects = ", ".join(f"{light_label(li, QT)} {tx('zone overlay', word)}"
                                for li, word in z.expects) if z.expects else z.expectations
            for text in (f"{name} · {expects}" if expects else name, name):
                if fm.horizontalAdvance(text) + 8 <= room:
                    label = text
                    break
            if not label:
                continue
            tw = fm.horizontalAdvance(label) + 8
            lx = min(max(vx0, 2.0), self.width() - tw - 2)
            ly = max(vy0, fm.height() + 4)
            bg = QColor(colour)
            bg.setAlpha(215)
            p.fillRect(QRectF(lx, ly - fm.height() - 2, tw, fm.height() + 2), bg)
            p.setPen(QColor("#000000" if z.status is None else "#ffffff"))
            p.drawText(QPointF(lx + 4, ly - 4), label)

    def _is_chip(self) -> bool:
        return bool(self.pane.sources) and self.pane.sources[0].origin is Origin.CHIP

    def _draw_outlines(self, p: QPainter, vp: Viewport, t: Theme) -> None:
        """The barcodes read on the face shown: their corners joined, named above."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = p.fontMetrics()
        for o in self.state.outlines:
            pts = [QPointF(*vp.image_to_view(x, y)) for x, y in o.points]
            colour = QColor(status_colour(t, o.status.value) if o.status else t.accent)
            p.setPen(QPen(colour, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(pts)
            top = min(q.y() for q in pts)
            left = min(q.x() for q in pts)
            fmt, sep, what = o.label.partition(" · ")  # "PDF417 · AAMVA data"
            label = f"{fmt} · {tx('fields', what)}" if sep else o.label
            tw = fm.horizontalAdvance(label) + 8
            box = QRectF(min(max(left, 2.0), self.width() - tw - 2),
                         max(top - fm.height() - 4, 2.0), tw, fm.height() + 2)
            bg = QColor(colour)
            bg.setAlpha(215)
            p.fillRect(box, bg)
            p.setPen(QColor("#ffffff"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    def _draw_annotations(self, p: QPainter, vp: Viewport, t: Theme) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        anns: list[Annotation] = self.state.annotations_for(self.pane,
                                                             self.annotator.annotations)
        colour = QColor("#ffd60a")
        for a in anns:
            pts = [QPointF(*vp.image_to_view(x, y))
                   for x, y in self.state.annotation_in_content(a)]
            p.setPen(QPen(colour, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            if a.kind is AnnotationKind.RECTANGLE and len(pts) == 2:
                p.drawRect(QRectF(pts[0], pts[1]).normalized())
            elif a.kind is AnnotationKind.ANGLE and len(pts) == 3:
                p.drawLine(pts[1], pts[0])
                p.drawLine(pts[1], pts[2])
            elif len(pts) == 2:
                p.drawLine(pts[0], pts[1])
                if a.kind is AnnotationKind.ARROW:
                    self._arrow_head(p, pts[0], pts[1])
                else:
                    for q in pts:
                        p.drawLine(q + QPointF(-5, 0), q + QPointF(5, 0))
                        p.drawLine(q + QPointF(0, -5), q + QPointF(0, 5))
            label = a.label()
            if label and pts:
                fm = p.fontMetrics()
                tw = fm.horizontalAdvance(label) + 10
                if a.kind is AnnotationKind.RULER:
                    mid = (pts[0] + pts[1]) / 2
                    box = QRectF(mid.x() - tw / 2, mid.y() - fm.height() - 10, tw,
                                 fm.height() + 4)
                else:
                    anchor = pts[1] if a.kind is AnnotationKind.ANGLE else pts[-1]
                    box = QRectF(anchor.x() + 8, anchor.y() - fm.height() - 4, tw,
                                 fm.height() + 4)
                box.moveLeft(min(max(box.left(), 2.0), self.width() - tw - 2))
                p.fillRect(box, QColor(0, 0, 0, 190))
                p.setPen(colour)
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        if self.annotator.draft and self._mouse is not None and self.pane.sources:
            p.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            image, _, _ = self.state.annotation_target(self.pane.sources[0], 0, 0)
            draft = Annotation(AnnotationKind.ARROW, self.annotator.draft[-1:], image=image)
            prev = QPointF(*vp.image_to_view(*self.state.annotation_in_content(draft)[0]))
            p.drawLine(prev, self._mouse)

    def _swipe_tags(self, p: QPainter, x: float) -> None:
        """Name the image on each side of the swipe divider."""
        if len(self.pane.sources) < 2:
            return
        fm = p.fontMetrics()
        y = self.height() - fm.height() - 14
        for key, left in ((self.pane.sources[0], True), (self.pane.sources[1], False)):
            text = source_title(key)
            tw = fm.horizontalAdvance(text) + 12
            box = QRectF(x - tw - 8 if left else x + 8, y, tw, fm.height() + 6)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(0, 0, 0, 170))
            p.drawRoundedRect(box, 4, 4)
            p.setPen(QColor("#f0f0f0"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _arrow_head(p: QPainter, a: QPointF, b: QPointF) -> None:
        import math

        ang = math.atan2(b.y() - a.y(), b.x() - a.x())
        path = QPainterPath(b)
        for d in (2.7, -2.7):
            path.lineTo(b + QPointF(12 * math.cos(ang + d), 12 * math.sin(ang + d)))
            path.moveTo(b)
        p.drawPath(path)

    def _draw_loupe(self, p: QPainter, vp: Viewport) -> None:
        assert self._mouse is not None
        radius = 90
        ix, iy = vp.view_to_image(self._mouse.x(), self._mouse.y())
        lv = Viewport(vp.image_w, vp.image_h, 2 * radius, 2 * radius,
                      scale=max(vp.scale * 4.0, 2.0), cx=ix, cy=iy, max_scale=64.0)
        frame = self.state.render(self.pane, viewport=lv)
        if frame is None:
            return
        q, arr = qimage_of(frame.image)
        self._keep.append(arr)
        x0, y0 = lv.image_to_view(frame.rect[0], frame.rect[1])
        x1, y1 = lv.image_to_view(frame.rect[2], frame.rect[3])
        cx, cy = self._mouse.x(), self._mouse.y()
        clip = QPainterPath()
        clip.addEllipse(QPointF(cx, cy), radius, radius)
        p.save()
        p.setClipPath(clip)
        p.fillRect(QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius), QColor("#000"))
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, lv.scale < 3.0)
        p.drawImage(QRectF(cx - radius + x0, cy - radius + y0, x1 - x0, y1 - y0), q)
        p.restore()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor("#ffffff"), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QPointF(cx, cy), radius, radius)
        p.drawText(QPointF(cx - radius + 20, cy + radius - 12), f"×{lv.scale / vp.scale:.0f}")

    def title_boxes(self, fm: QFontMetrics) -> tuple[str, QRectF, str, QRectF]:
        """``(title, its box, zoom text, its box)`` in widget pixels: the title keeps
        clear of the zoom badge — a narrow pane (the all-lights grid, a long language)
        names only the light, then elides."""
        text = pane_title(self.pane, self.state)
        if self.pane.role == "flicker" and len(self.pane.sources) == 2:
            phase = self.state.flicker_showing((time.monotonic() - self.t0) * 1000.0)
            text += f"   ▶ {source_title(self.pane.sources[phase])}"
        zoom = f"{self.viewport.scale * 100:.0f} %"
        zw = fm.horizontalAdvance(zoom) + 14
        zbox = QRectF(self.width() - zw - 8, 8, zw, fm.height() + 8)
        room = max(0, self.width() - zw - 8 - 8 - 8 - 16)
        if fm.horizontalAdvance(text) > room and len(self.pane.sources) == 1 \
                and self.pane.role != "false-colour":
            text = light_label(self.pane.sources[0].light, QT)
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
        return text, QRectF(8, 8, fm.horizontalAdvance(text) + 16, fm.height() + 8), zoom, zbox

    def _draw_title(self, p: QPainter, t: Theme) -> None:
        text, box, zoom, zbox = self.title_boxes(p.fontMetrics())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0, 170))
        p.drawRoundedRect(box, 4, 4)
        p.setPen(QColor("#f0f0f0"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.setBrush(QColor(0, 0, 0, 150))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(zbox, 4, 4)
        p.setPen(QColor("#c8c8c8"))
        p.drawText(zbox, Qt.AlignmentFlag.AlignCenter, zoom)

    def show_loupe_at(self, vx: float, vy: float) -> None:
        """Show the loupe at view point ``(vx, vy)`` as if the cursor were there."""
        self.loupe = True
        self._mouse = QPointF(vx, vy)
        self.update()

    # -- input -----------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            pos = event.position()
            self.viewport.zoom_at(Viewport.ZOOM_STEP ** steps, pos.x(), pos.y())
        event.accept()

    def _near_divider(self, pos: QPointF) -> bool:
        return (self.pane.role == "swipe"
                and abs(pos.x() - self.state.swipe_position * self.width()) < 12)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() == Qt.MouseButton.MiddleButton:
            self._drag = ("pan", pos)
        elif event.button() == Qt.MouseButton.LeftButton:
            if self._near_divider(pos):
                self._drag = ("swipe", pos)
            elif self.annotator.tool is Tool.PAN or self.pane.role == "live" \
                    or self._is_chip():  # the chip's photograph is evidence, not a page
                self._drag = ("pan", pos)
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            else:
                x, y = self.viewport.view_to_image(pos.x(), pos.y())
                key = self.pane.sources[0] if self.pane.sources else None
                if key is None:
                    return
                image, (ax, ay), dpi = self.state.annotation_target(key, x, y)
                ann = self.annotator.click(ax, ay, image=image, dpi=dpi)
                if ann is not None:
                    self.annotation_added.emit(ann)
                self.state.changed()
        elif event.button() == Qt.MouseButton.RightButton:
            self.annotator.draft = []
            self.state.changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        self._mouse = pos
        if self._drag is not None:
            kind, last = self._drag
            if kind == "pan":
                self.viewport.pan(pos.x() - last.x(), pos.y() - last.y())
            else:
                self.state.set_swipe(pos.x() / max(self.width(), 1))
            self._drag = (kind, pos)
        else:
            self.setCursor(Qt.CursorShape.SplitHCursor if self._near_divider(pos)
                           else Qt.CursorShape.CrossCursor if self.annotator.tool is not Tool.PAN
                           else Qt.CursorShape.ArrowCursor)
        x, y = self.viewport.view_to_image(pos.x(), pos.y())
        self.hovered.emit(x, y)
        if self.loupe or self.annotator.draft:
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.annotator.tool is Tool.PAN:
            self.viewport.fit()

    def leaveEvent(self, event: object) -> None:
        self._mouse = None
        if self.loupe:
            self.update()
