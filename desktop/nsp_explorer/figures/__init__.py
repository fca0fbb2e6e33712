"""Exported figures: every view composed for a slide or a paper, drawn from the core's aggregations.

Nothing here needs Qt: ``nspx export`` draws without a window, and the GUI's
export actions call the same functions. matplotlib is imported only when a
figure is drawn (``figures.views``, ``figures.compare``, ``figures.framing``),
never when the app starts.

- ``context``: what a figure shows (scenario, filters, measure) and its subtitle and source line;
- ``media``: the presets (16:9 and 4:3 slides, a paper column) and their type sizes;
- ``sheet``: the page every figure shares: title, subtitle, legend, body, source line;
- ``views``: one figure per view of the explorer; ``compare``: scenario A vs B; ``framing``: the framing view;
- ``files``: writing PNG / SVG / PDF atomically; ``export``: every view into a folder, seminar packs.
"""
