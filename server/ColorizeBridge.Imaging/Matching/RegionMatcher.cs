using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Regions;

namespace ColorizeBridge.Imaging.Matching;

/// <summary>
/// Finds, for each region of a new page, its counterpart on a reference page
/// of the same figure, which may have moved, scaled, turned, warped a little
/// or had parts redrawn (issue 17):
/// <list type="number">
/// <item><b>Frame.</b> Both figures (every region but the background) are
/// reduced to a centroid and covariance. The first guesses of the map from the
/// new page to the reference put one centroid on the other and scale by the
/// ratio of their spreads, turned by nothing, by the difference of the long
/// axes (both ways round) or stretched along the page axes.</item>
/// <item><b>Votes.</b> Under a map, every new pixel lands on a reference region
/// and votes for it; a region's overlap with a counterpart is its votes over
/// the geometric mean of the two areas (in reference pixels), 1 for a perfect
/// fit. The guess whose regions overlap best wins; the map is then fitted
/// again, by least squares, to the centroids of the regions that overlap well
/// (twice), which takes up stretch, shear and a better turn.</item>
/// <item><b>Scores.</b> Each new region is scored against the reference regions
/// it overlaps and those near where it lands: 0.4 the share of its pixels
/// that land in the candidate (so both halves of a region split in two score
/// fully), 0.2 nearness (of the centroids, relative to the figure and the
/// region), 0.2 relative area, 0.2 shape (elongation and compactness).</item>
/// <item><b>Neighbours.</b> Two relaxation passes blend in (a quarter) how many
/// of the region's neighbours, weighted by shared border and their own
/// confidence, matched the candidate or one of its neighbours.</item>
/// <item><b>Confidence</b> is the best score times a margin factor: 0.3 plus 0.7
/// times the lead over the best candidate of a different colour, saturating
/// at a lead of 0.25. Candidates of the same colour do not compete: choosing
/// between them changes nothing.</item>
/// </list>
/// The background stays paper (never matched), and the reference's background
/// is never a counterpart. Linear in pixels, plus per region a handful of candidates.
/// </summary>
public static class RegionMatcher
{
    private const double OverlapWeight = 0.4, NearnessWeight = 0.2, AreaWeight = 0.2, ShapeWeight = 0.2;
    private const double NeighbourShare = 0.25;
    private const double SameColourDeltaE = 5.0;
    private const int MaxNearbyCandidates = 8;

    public static RegionMatches Match(ReferenceRegions reference, RegionMap page)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(page);
        RegionShapes pageShapes = RegionShapes.Measure(page, reference.PaperBorderShare);
        var counterparts = new int[page.Count];
        var confidence = new double[page.Count];
        Array.Fill(counterparts, -1);
        if (!HasFigure(pageShapes) || !HasFigure(reference.Shapes))
        {
            return new RegionMatches(reference, page, counterparts, confidence);
        }

        var context = new Context(reference, page, pageShapes);
        (PageTransform transform, RegionVotes votes) = context.FindTransform();
        List<int>[] candidates = context.Candidates(transform, votes);
        double[][] scores = context.Score(transform, votes, candidates);
        context.Relax(candidates, scores, counterparts, confidence);
        return new RegionMatches(reference, page, counterparts, confidence);
    }

    private static bool HasFigure(RegionShapes shapes) => Array.Exists(shapes.Background, b => !b);

    /// <summary>The two pages and what is measured of them, shared by the steps.</summary>
    private sealed class Context(ReferenceRegions reference, RegionMap page, RegionShapes pageShapes)
    {
        private readonly RegionShapes _refShapes = reference.Shapes;
        private readonly RegionMap _refRegions = reference.Regions;

        public (PageTransform, RegionVotes) FindTransform()
        {
            PageTransform best = default;
            RegionVotes? bestVotes = null;
            double bestQuality = double.NegativeInfinity;
            foreach (PageTransform candidate in PageTransform.Candidates(pageShapes.Frame, _refShapes.Frame))
            {
                RegionVotes votes = RegionVotes.Cast(page, _refRegions, candidate);
                double quality = Quality(candidate, votes);
                if (quality > bestQuality)
                {
                    (best, bestVotes, bestQuality) = (candidate, votes, quality);
                }
            }

            for (int round = 0; round < 2; round++)
            {
                if (Refit(best, bestVotes!) is not { } refined)
                {
                    break;
                }

                RegionVotes votes = RegionVotes.Cast(page, _refRegions, refined);
                double quality = Quality(refined, votes);
                if (quality <= bestQuality)
                {
                    break;
                }

                (best, bestVotes, bestQuality) = (refined, votes, quality);
            }

            return (best, bestVotes!);
        }

        /// <summary>Per new region, the reference regions (not background) it overlaps or lands near.</summary>
        public List<int>[] Candidates(PageTransform transform, RegionVotes votes)
        {
            double radius = 0.3 * _refShapes.Frame.Radius;
            var grid = new CentroidGrid(_refShapes, radius);
            var result = new List<int>[page.Count];
            for (int i = 0; i < page.Count; i++)
            {
                var list = new List<int>();
                result[i] = list;
                if (pageShapes.Background[i])
                {
                    continue;
                }

                for (int k = 0; k < votes.Count(i); k++)
                {
                    int j = votes[i, k].Reference;
                    if (!_refShapes.Background[j])
                    {
                        list.Add(j);
                    }
                }

                (double u, double v) = transform.Map(pageShapes.CentreX[i], pageShapes.CentreY[i]);
                foreach (int j in grid.Nearest(u, v, radius, MaxNearbyCandidates))
                {
                    if (!list.Contains(j))
                    {
                        list.Add(j);
                    }
                }
            }

            return result;
        }

        /// <summary>Each candidate's score before the neighbours are heard (see the class summary).</summary>
        public double[][] Score(PageTransform transform, RegionVotes votes, List<int>[] candidates)
        {
            double areaScale = transform.AreaScale, figureRadius = _refShapes.Frame.Radius;
            var scores = new double[page.Count][];
            var overlap = new Dictionary<int, int>();
            for (int i = 0; i < page.Count; i++)
            {
                List<int> list = candidates[i];
                scores[i] = new double[list.Count];
                if (list.Count == 0)
                {
                    continue;
                }

                overlap.Clear();
                for (int k = 0; k < votes.Count(i); k++)
                {
                    overlap[votes[i, k].Reference] = votes[i, k].Pixels;
                }

                int area = page.Stats[i].Area;
                double mappedArea = area * areaScale;
                (double u, double v) = transform.Map(pageShapes.CentreX[i], pageShapes.CentreY[i]);
                double elongation = pageShapes.Elongation(i), compactness = pageShapes.Compactness(i, area);
                for (int c = 0; c < list.Count; c++)
                {
                    int j = list[c];
                    int refArea = _refRegions.Stats[j].Area;
                    double overlapScore = overlap.GetValueOrDefault(j) / (double)area;
                    double sigma = (0.1 * figureRadius) + (0.5 * Math.Sqrt(Math.Max(mappedArea, refArea)));
                    double dx = u - _refShapes.CentreX[j], dy = v - _refShapes.CentreY[j];
                    double nearness = Math.Exp(-((dx * dx) + (dy * dy)) / (2 * sigma * sigma));
                    double areaScore = Math.Min(mappedArea, refArea) / Math.Max(mappedArea, refArea);
                    double shape = Math.Exp(-Math.Abs(Math.Log(elongation / _refShapes.Elongation(j))))
                        * Math.Exp(-0.5 * Math.Abs(Math.Log(compactness / _refShapes.Compactness(j, refArea))));
                    scores[i][c] = (OverlapWeight * overlapScore) + (NearnessWeight * nearness) + (AreaWeight * areaScore) + (ShapeWeight * shape);
                }
            }

            return scores;
        }

        /// <summary>Two passes of neighbour agreement, then the counterparts and confidences.</summary>
        public void Relax(List<int>[] candidates, double[][] baseScores, int[] counterparts, double[] confidence)
        {
            Decide(candidates, baseScores, counterparts, confidence);
            var scores = new double[page.Count][];
            for (int pass = 0; pass < 2; pass++)
            {
                var previous = (int[])counterparts.Clone();
                var previousConfidence = (double[])confidence.Clone();
                for (int i = 0; i < page.Count; i++)
                {
                    List<int> list = candidates[i];
                    scores[i] = (double[])baseScores[i].Clone();
                    double total = 0;
                    foreach ((int k, int contact) in pageShapes.Neighbours[i])
                    {
                        total += pageShapes.Background[k] ? 0 : contact;
                    }

                    if (total == 0)
                    {
                        continue;
                    }

                    for (int c = 0; c < list.Count; c++)
                    {
                        int j = list[c];
                        double support = 0;
                        foreach ((int k, int contact) in pageShapes.Neighbours[i])
                        {
                            int theirs = previous[k];
                            if (theirs >= 0 && (theirs == j || Borders(j, theirs)))
                            {
                                support += contact * previousConfidence[k];
                            }
                        }

                        scores[i][c] = ((1 - NeighbourShare) * baseScores[i][c]) + (NeighbourShare * support / total);
                    }
                }

                Decide(candidates, scores, counterparts, confidence);
            }
        }

        private bool Borders(int a, int b)
        {
            foreach ((int region, _) in _refShapes.Neighbours[a])
            {
                if (region == b)
                {
                    return true;
                }
            }

            return false;
        }

        private void Decide(List<int>[] candidates, double[][] scores, int[] counterparts, double[] confidence)
        {
            for (int i = 0; i < page.Count; i++)
            {
                List<int> list = candidates[i];
                counterparts[i] = -1;
                confidence[i] = 0;
                if (list.Count == 0)
                {
                    continue;
                }

                int best = 0;
                for (int c = 1; c < list.Count; c++)
                {
                    if (scores[i][c] > scores[i][best] || (scores[i][c] == scores[i][best] && list[c] < list[best]))
                    {
                        best = c;
                    }
                }

                int winner = list[best];
                double rival = 0;
                for (int c = 0; c < list.Count; c++)
                {
                    if (c != best && scores[i][c] > rival && !LookAlike(winner, list[c]))
                    {
                        rival = scores[i][c];
                    }
                }

                double top = scores[i][best];
                counterparts[i] = winner;
                confidence[i] = Math.Clamp(top * (0.3 + (0.7 * Math.Clamp((top - rival) / 0.25, 0, 1))), 0, 1);
            }
        }

        /// <summary>Whether two reference regions come out the same: both paper, or colours within ΔE00 5.</summary>
        private bool LookAlike(int a, int b) =>
            reference.Paper[a] == reference.Paper[b]
            && (reference.Paper[a] || Ciede2000.Delta(reference.Colours[a], reference.Colours[b]) < SameColourDeltaE);

        /// <summary>How well the new figure's regions land on reference regions: the area-weighted mean of each region's best overlap.</summary>
        private double Quality(PageTransform transform, RegionVotes votes)
        {
            double areaScale = transform.AreaScale, weighted = 0, total = 0;
            for (int i = 0; i < page.Count; i++)
            {
                if (pageShapes.Background[i])
                {
                    continue;
                }

                int area = page.Stats[i].Area;
                double best = 0;
                for (int k = 0; k < votes.Count(i); k++)
                {
                    (int j, int pixels) = votes[i, k];
                    if (!_refShapes.Background[j])
                    {
                        best = Math.Max(best, Math.Min(1.0, pixels * areaScale / Math.Sqrt(area * areaScale * _refRegions.Stats[j].Area)));
                    }
                }

                weighted += area * best;
                total += area;
            }

            return total == 0 ? 0 : weighted / total;
        }

        /// <summary>The map fitted to the centroids of regions that overlap their best reference region well (overlap at least 0.5).</summary>
        private PageTransform? Refit(PageTransform transform, RegionVotes votes)
        {
            double areaScale = transform.AreaScale;
            var pairs = new List<(double, double, double, double, double)>();
            for (int i = 0; i < page.Count; i++)
            {
                if (pageShapes.Background[i])
                {
                    continue;
                }

                int area = page.Stats[i].Area, best = -1;
                double bestOverlap = 0.5;
                for (int k = 0; k < votes.Count(i); k++)
                {
                    (int j, int pixels) = votes[i, k];
                    double overlap = pixels * areaScale / Math.Sqrt(area * areaScale * _refRegions.Stats[j].Area);
                    if (!_refShapes.Background[j] && overlap > bestOverlap)
                    {
                        (best, bestOverlap) = (j, overlap);
                    }
                }

                if (best >= 0)
                {
                    pairs.Add((pageShapes.CentreX[i], pageShapes.CentreY[i], _refShapes.CentreX[best], _refShapes.CentreY[best], Math.Sqrt(area) * bestOverlap));
                }
            }

            if (PageTransform.Fit(pairs) is not { } fitted)
            {
                return null;
            }

            // A fit that scales wildly differently from the frames' guess is a fit to a few bad pairs.
            double ratio = fitted.AreaScale / areaScale;
            return ratio is > 0.25 and < 4 ? fitted : null;
        }
    }

    /// <summary>Reference centroids (background left out) bucketed in square cells, for the regions near a point.</summary>
    private sealed class CentroidGrid
    {
        private readonly Dictionary<(int, int), List<int>> _cells = [];
        private readonly RegionShapes _shapes;
        private readonly double _cell;

        public CentroidGrid(RegionShapes shapes, double cell)
        {
            _shapes = shapes;
            _cell = Math.Max(1.0, cell);
            for (int j = 0; j < shapes.CentreX.Length; j++)
            {
                if (!shapes.Background[j])
                {
                    (int, int) key = ((int)Math.Floor(shapes.CentreX[j] / _cell), (int)Math.Floor(shapes.CentreY[j] / _cell));
                    if (!_cells.TryGetValue(key, out List<int>? list))
                    {
                        _cells[key] = list = [];
                    }

                    list.Add(j);
                }
            }
        }

        public IEnumerable<int> Nearest(double x, double y, double radius, int count)
        {
            int cx = (int)Math.Floor(x / _cell), cy = (int)Math.Floor(y / _cell);
            var found = new List<(double Distance, int Region)>();
            for (int gy = cy - 1; gy <= cy + 1; gy++)
            {
                for (int gx = cx - 1; gx <= cx + 1; gx++)
                {
                    if (_cells.TryGetValue((gx, gy), out List<int>? list))
                    {
                        foreach (int j in list)
                        {
                            double dx = _shapes.CentreX[j] - x, dy = _shapes.CentreY[j] - y, distance = Math.Sqrt((dx * dx) + (dy * dy));
                            if (distance <= radius)
                            {
                                found.Add((distance, j));
                            }
                        }
                    }
                }
            }

            return found.OrderBy(f => f.Distance).ThenBy(f => f.Region).Take(count).Select(f => f.Region);
        }
    }
}
