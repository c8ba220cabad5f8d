"""The Qt layer: pages and widgets over core objects; workers run core jobs off the GUI thread."""
