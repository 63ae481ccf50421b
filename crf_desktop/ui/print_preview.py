"""The print preview: the PDF's pages drawn inside the app (pypdfium2; the PyPI PySide6 has no QtPdf), a language
choice that prints again, then Print… through the system's print dialog or Save as PDF…. Only printing or
saving records the print (services.printing.record_prints), never the preview."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

from crf_desktop.services import printing
from crf_desktop.services.printing import Printed
from crf_desktop.services.session import Session
from crf_desktop.ui import start_folders
from crf_desktop.ui.language import fill
from crf_desktop.ui.messages import InlineMessage
from crf_desktop.ui.operation import run_service
from crf_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QPainter,
    QPixmap,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRectF,
    QScrollArea,
    QShortcut,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

PREVIEW_DPI = 80
PRINT_DPI = 300
KEEP_AROUND = 3  # pages drawn beyond the visible ones; farther pages give their pixels back (a casebook of
# 100 pages would otherwise hold 250 MB of pixels)
LANGUAGE_NAMES = (("en", "English"), ("zh", "中文"), ("both", "English + 中文"))


def page_image(document: pypdfium2.PdfDocument, index: int, dpi: int) -> QImage:
    """One page as a QImage (its own copy of the pixels)."""
    bitmap = document[index].render(scale=dpi / 72)
    pil = bitmap.to_pil().convert("RGB")
    data = pil.tobytes()
    image = QImage(data, pil.width, pil.height, 3 * pil.width, QImage.Format.Format_RGB888)
    return image.copy()


class PrintPreviewDialog(QDialog):
    """Shows ``printed``; :attr:`language_changed` asks the owner to print again in another language."""

    language_changed = Signal(str)

    def __init__(self, session: Session, printed: Printed, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.printed = printed
        self.title = title
        self.setWindowTitle(fill(self.tr("Print preview — %1"), title))
        self.document = pypdfium2.PdfDocument(printed.pdf)
        self.page_labels: list[QLabel] = []
        self.message = InlineMessage()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex([c for c, _ in LANGUAGE_NAMES].index(printed.request.lang))
        self.language.currentIndexChanged.connect(
            lambda _n: self.language_changed.emit(str(self.language.currentData())))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.pages_label = QLabel()
        self.print_button = QPushButton()
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAccessibleName("pages")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Up/Down scroll the pages
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.print_pages)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save_pdf)
        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addWidget(self.pages_label, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.print_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll, 1)
        self.resize(900, 1000)
        self.drawn: set[int] = set()
        self._add_pages()
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._draw_visible())
        QTimer.singleShot(0, self._draw_visible)
        self.retranslate()
        self.finished.connect(lambda _r: self._close_document())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("&Language:"))
        self.pages_label.setText(fill(self.tr("%1 pages"), self.printed.pages))
        self.print_button.setText(self.tr("&Print… (Ctrl+P)"))
        self.save_button.setText(self.tr("&Save as PDF… (Ctrl+S)"))
        self.close_button.setText(self.tr("Close"))

    # -- pages ----------------------------------------------------------------------------------------------
    def _add_pages(self) -> None:
        """A frame per page, sized to it; its pixels are drawn when it scrolls into view."""
        assert self.document is not None  # noqa: S101 - just opened
        for index in range(len(self.document)):
            width, height = self.document[index].get_size()
            label = QLabel()
            label.setFixedSize(int(width * PREVIEW_DPI / 72) + 2, int(height * PREVIEW_DPI / 72) + 2)
            label.setAccessibleName(fill(self.tr("page %1"), index + 1))
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def _draw_visible(self) -> None:
        if self.document is None or not self.page_labels:
            return
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        visible = [n for n, label in enumerate(self.page_labels)
                   if label.y() + label.height() >= top and label.y() <= bottom] or [0]
        wanted = set(range(max(0, visible[0] - KEEP_AROUND), min(len(self.page_labels), visible[-1] + KEEP_AROUND + 1)))
        for index in sorted(wanted - self.drawn):
            self.page_labels[index].setPixmap(QPixmap.fromImage(page_image(self.document, index, PREVIEW_DPI)))
        for index in self.drawn - wanted:
            self.page_labels[index].clear()
        self.drawn = wanted

    def all_pages_drawn(self) -> bool:
        """Every page has its frame, and the ones in view are drawn."""
        return len(self.page_labels) == self.printed.pages and bool(self.drawn)

    def _close_document(self) -> None:
        if self.document is not None:
            self.document.close()
            self.document = None

    # -- output ---------------------------------------------------------------------------------------------
    def print_pages(self) -> bool:
        """The system print dialog, then every page at 300 dpi; the print is recorded."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        if self.document is None:
            return False
        painter = QPainter()
        if not painter.begin(printer):
            self.message.show_error(self.tr("The printer could not be started; check that it is on and try again."))
            return False
        try:
            for index in range(len(self.document)):
                if index:
                    printer.newPage()
                image = page_image(self.document, index, PRINT_DPI)
                target = QRectF(painter.viewport())
                scale = min(target.width() / image.width(), target.height() / image.height())
                painter.drawImage(QRectF(0, 0, image.width() * scale, image.height() * scale), image)
        finally:
            painter.end()
        where = printer.printerName() or printer.outputFileName() or "printer"
        outcome = run_service(self, lambda: printing.record_prints(self.session, self.printed, f"printer {where}"),
                              inline=self.message)
        if outcome.ok:
            self.message.show_info(fill(self.tr("Sent %1 pages to %2."), self.printed.pages, where))
        return outcome.ok

    def save_pdf(self) -> Path | None:
        # in the folder a PDF was saved to last time from this data directory, else home
        folder = start_folders.start_folder(self.session.data_dir, start_folders.PDF)
        path_text, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"),
                                                         str(folder / f"{self.title}.pdf"),
                                                         self.tr("PDF files (*.pdf)"))
        if not path_text:
            return None
        start_folders.remember_folder(self.session.data_dir, start_folders.PDF, Path(path_text).parent)
        return self.save_to(Path(path_text))

    def save_to(self, path: Path) -> Path | None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(path.suffix + ".pdf") if path.suffix else path.with_suffix(".pdf")

        def save() -> None:
            printing.write_pdf(path, self.printed.pdf)
            printing.record_prints(self.session, self.printed, str(path))

        outcome = run_service(self, save, inline=self.message)
        if not outcome.ok:
            return None
        self.message.show_info(fill(self.tr("Saved %1."), str(path)))
        return path
