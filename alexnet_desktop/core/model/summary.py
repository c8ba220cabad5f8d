"""The `model.summary()`-style table of an architecture: layers, output shapes, parameters."""

from __future__ import annotations

from dataclasses import dataclass

from alexnet_desktop.core.descriptors import Architecture
from alexnet_desktop.core.model.models import check_input_size


@dataclass
class ModelSummary:
    """One row per layer, and the totals, for an architecture at a size and class count."""

    arch_id: str
    num_classes: int
    image_size: int
    rows: list[tuple[str, str, str, int]]  # name, type, output shape, parameters
    total: int
    trainable: int

    def to_dict(self) -> dict:
        """JSON-ready form (`summary --json`)."""
        return {
            "arch": self.arch_id,
            "classes": self.num_classes,
            "image_size": self.image_size,
            "layers": [{"name": n, "type": t, "output_shape": s, "params": p} for n, t, s, p in self.rows],
            "total_params": self.total,
            "trainable_params": self.trainable,
            "non_trainable_params": self.total - self.trainable,
        }

    def to_text(self) -> str:
        """A fixed-width table like Keras prints."""
        w = [max(len(r[i]) for r in self.rows + [("Layer", "Type", "Output shape", 0)]) for i in range(3)]
        line = "-" * (sum(w) + 20)
        out = [f"{self.arch_id}: {self.image_size}x{self.image_size}x3 input, {self.num_classes} classes", line,
               f"{'Layer':<{w[0]}}  {'Type':<{w[1]}}  {'Output shape':<{w[2]}}  {'Params':>12}", line]
        out += [f"{n:<{w[0]}}  {t:<{w[1]}}  {s:<{w[2]}}  {p:>12,}" for n, t, s, p in self.rows]
        out += [line, f"Total params: {self.total:,}", f"Trainable params: {self.trainable:,}",
                f"Non-trainable params: {self.total - self.trainable:,}"]
        return "\n".join(out)


def model_summary(arch: Architecture, num_classes: int, image_size: int | None = None) -> ModelSummary:
    """Build the architecture (not trained, not compiled) and tabulate its layers."""
    size = image_size or arch.default_input_shape[0]
    check_input_size(arch, size)
    model = arch.build(num_classes, (size, size, 3))
    rows = []
    for layer in model.layers:
        shape = getattr(layer, "output", None)
        shape = tuple(shape.shape) if shape is not None else ()
        rows.append((layer.name, type(layer).__name__, str(shape).replace("None", "batch"), int(layer.count_params())))
    trainable = sum(int(w.numpy().size) for w in model.trainable_weights)
    return ModelSummary(arch.id, num_classes, size, rows, int(model.count_params()), trainable)
