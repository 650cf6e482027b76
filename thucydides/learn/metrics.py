"""Classification figures: per-class precision/recall/F1, micro and macro averages, detection P/R/F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Prf:
    precision: float
    recall: float
    f1: float
    support: int

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> Prf:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return cls(round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0, tp + fn)


@dataclass(frozen=True)
class ClassReport:
    accuracy: float
    macro_f1: float
    per_class: dict[str, Prf]
    n: int

    def to_json(self) -> dict[str, object]:
        return {"accuracy": self.accuracy, "macro_f1": self.macro_f1, "n": self.n,
                "per_class": {k: asdict(v) for k, v in sorted(self.per_class.items())}}


def class_report(gold: Sequence[str], predicted: Sequence[str], ignore: str | None = None) -> ClassReport:
    """Accuracy over all units, and per gold class P/R/F1; `ignore` (e.g. 'no event') gets no row of its own
    but its predictions still count as errors. Macro F1 averages the classes present in the gold."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    classes = sorted({g for g in gold if g != ignore})
    per_class = {c: Prf.of(tp[c], fp[c], fn[c]) for c in classes}
    macro = sum(r.f1 for r in per_class.values()) / len(per_class) if per_class else 0.0
    accuracy = sum(tp.values()) / len(gold) if gold else 0.0
    return ClassReport(round(accuracy, 4), round(macro, 4), per_class, len(gold))


def roc_auc(scores: Sequence[float], gold: Sequence[bool]) -> float | None:
    """The probability that a random positive scores above a random negative (ties count half): how well the
    scores rank, whatever the threshold; None when one class is absent."""
    pairs = sorted(zip(scores, gold, strict=True))
    positives = sum(1 for _, g in pairs if g)
    negatives = len(pairs) - positives
    if not positives or not negatives:
        return None
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2
        rank_sum += mean_rank * sum(1 for _, g in pairs[i:j] if g)
        i = j
    return round((rank_sum - positives * (positives + 1) / 2) / (positives * negatives), 4)
