"""Sizing helpers: boxes that take the room left over, or exactly the room their content needs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QTextLayout
from PySide6.QtWidgets import (
    QHeaderView,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QTableView,
    QWidget,
)

ROW_PADDING = 6
CHECKLIST_GAP = 12  # between the columns of a checklist


def fills_height(widget: QWidget, minimum: int) -> QWidget:
    """At least `minimum` pixels high, and otherwise whatever height is left in its column.

    Text boxes and tables ask for 192 pixels by default; in a scrolled page that request alone
    can push the page past the window and bring up a scroll bar.
    """
    widget.setMinimumHeight(minimum)
    policy = widget.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)
    return widget


def compact_rows(view: QTableView) -> int:
    """One-line rows a little taller than the text (Thai marks above and below still fit)."""
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)
    return rows.defaultSectionSize()


class _RefitsOnWidth(QObject):
    """An event filter that calls fit() whenever the watched widget's width changes."""

    def fit(self) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            self.fit()
        return False


class _GrowsWithText(_RefitsOnWidth):
    """Keeps a plain-text box as tall as its text, wrapped lines counted, at its width."""

    def __init__(self, edit: QPlainTextEdit, min_lines: int) -> None:
        super().__init__(edit)
        self.edit, self.min_lines = edit, min_lines
        edit.textChanged.connect(self.fit)
        edit.installEventFilter(self)
        self.fit()

    def lines(self) -> int:
        """Lines as the box itself wraps them (Thai broken at word boundaries, as shown)."""
        edit = self.edit
        margin = int(edit.document().documentMargin())
        # the frame's inside, not the viewport: while the box is being resized (when this
        # runs) the viewport still has its old width
        width = max(edit.contentsRect().width() - 2 * margin, 20)
        option = edit.document().defaultTextOption()
        count = 0
        for paragraph in edit.toPlainText().split("\n"):
            layout = QTextLayout(paragraph, edit.font())
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                count += 1
            layout.endLayout()
        return max(self.min_lines, count)

    def fit(self) -> None:
        edit = self.edit
        margin = int(edit.document().documentMargin())
        frame = 2 * edit.frameWidth() + 2 * margin
        edit.setFixedHeight(self.lines() * edit.fontMetrics().lineSpacing() + frame + 2)


def grows_with_text(edit: QPlainTextEdit, min_lines: int) -> QPlainTextEdit:
    """As tall as its text (at least `min_lines` lines), never scrolling by itself: in a
    scrolled form the form scrolls as one, with no box scrolling inside it."""
    edit.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _GrowsWithText(edit, min_lines)
    return edit


class _ChecklistFit(_RefitsOnWidth):
    """Lays a checklist's items out in as many equal columns as its width holds (row by
    row, in order), and keeps the list exactly as tall as those rows."""

    def __init__(self, view: QListWidget, min_rows: int) -> None:
        super().__init__(view)
        self.view, self.min_rows = view, min_rows
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setFlow(QListView.Flow.LeftToRight)
        view.setWrapping(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.installEventFilter(self)

    def _inner_width(self) -> int:
        """The viewport's width (no scroll bars), known already while the list is resized."""
        return self.view.contentsRect().width()

    def columns(self) -> int:
        view = self.view
        widest = max(
            (view.sizeHintForIndex(view.model().index(i, 0)).width() for i in range(view.count())),
            default=1,
        )
        width = self._inner_width()
        return max(1, min(view.count() or 1, (width - 1) // (widest + CHECKLIST_GAP)))

    def fit(self) -> None:
        view = self.view
        row = view.sizeHintForRow(0) if view.count() else view.fontMetrics().height() + 6
        columns = self.columns()
        # a pixel spare: a row exactly as wide as its cells wraps its last one
        view.setGridSize(QSize(max((self._inner_width() - 1) // columns, 1), row))
        rows = max(self.min_rows, -(-view.count() // columns))
        view.setFixedHeight(rows * row + 2 * view.frameWidth() + 2)


def list_fits_rows(view: QListWidget, min_rows: int) -> None:
    """A checklist as tall as its rows (at least `min_rows`), in columns when they fit side by
    side: nothing to scroll inside it."""
    fit = view.findChild(_ChecklistFit)
    if fit is None:
        fit = _ChecklistFit(view, min_rows)
    fit.min_rows = min_rows
    fit.fit()


class _RowsFollowColumns(QObject):
    """Refits a table's word-wrapped rows whenever a column's width changes (Qt fits rows to
    their contents only when the rows change: a table laid out hidden, or narrower, kept rows
    one or more lines too tall or too short once shown at its real width)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(view.resizeRowsToContents)
        view.horizontalHeader().sectionResized.connect(lambda *_: self.timer.start())
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.timer.start()
        return False


def rows_fit_contents(view: QTableView) -> QTableView:
    """Each row exactly as tall as its wrapped text at the columns' current widths."""
    view.setWordWrap(True)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    _RowsFollowColumns(view)
    return view


class _ColumnShares(QObject):
    """Keeps some columns of a table at a share of its width (the stretched column has the
    rest), so short or empty columns do not take as much room as the main one."""

    def __init__(self, view: QTableView, shares: dict[int, float]) -> None:
        super().__init__(view)
        self.view, self.shares = view, shares
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            width = event.size().width()
            for column, share in self.shares.items():
                self.view.setColumnWidth(column, int(width * share))
        return False


def columns_share_width(view: QTableView, shares: dict[int, float]) -> None:
    """Columns `shares` (column: part of the table's width) keep that part when it resizes."""
    header = view.horizontalHeader()
    for column in shares:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    _ColumnShares(view, shares)


class _SplitterShares(QObject):
    """Keeps a splitter's parts at fixed shares of its width until the user drags a handle
    (Qt shares out only the change of width, so the parts otherwise depend on the size the
    window had when first shown)."""

    def __init__(self, splitter: QSplitter, shares: list[int]) -> None:
        super().__init__(splitter)
        self.splitter, self.shares = splitter, shares
        self.dragged = False
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def _moved(self, *_args: object) -> None:
        self.dragged = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.dragged:
            room = self.splitter.width() - self.splitter.handleWidth() * (len(self.shares) - 1)
            total = sum(self.shares)
            self.splitter.blockSignals(True)  # setSizes is not the user dragging
            self.splitter.setSizes([room * share // total for share in self.shares])
            self.splitter.blockSignals(False)
        return False


def splitter_shares(splitter: QSplitter, shares: list[int]) -> None:
    """The parts of `splitter` in these proportions at any width (until the user drags)."""
    for index, share in enumerate(shares):
        splitter.setStretchFactor(index, share)
    _SplitterShares(splitter, shares)
