"""The exact k-nearest-neighbour search the locator uses for text direction."""

from __future__ import annotations

import numpy as np

from workstation.mrz.locate import _nearest


def test_matches_brute_force() -> None:
    rng = np.random.default_rng(3)
    pts = rng.uniform(0, 2000, (1100, 2))
    dists, idxs = _nearest(pts, k=5, block=256)
    full = np.linalg.norm(pts[:, None, :] - pts[None, :, :], axis=2)
    want = np.sort(full, axis=1)[:, :5]
    np.testing.assert_allclose(dists, want, atol=1e-9)
    assert (idxs[:, 0] == np.arange(len(pts))).all()  # self first
    np.testing.assert_allclose(full[np.arange(len(pts))[:, None], idxs], dists, atol=1e-9)


def test_fewer_points_than_k() -> None:
    pts = np.array([[0.0, 0.0], [3.0, 4.0]])
    dists, idxs = _nearest(pts, k=2)
    assert idxs.tolist() == [[0, 1], [1, 0]]
    np.testing.assert_allclose(dists, [[0, 5], [0, 5]])
