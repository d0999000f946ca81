using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Pixels;

namespace ColorizeBridge.Imaging.Flats;

/// <summary>
/// Splits a hint layer (alpha &gt; 0 = hint) into hints: 8-connected pixels
/// whose colours step by at most a tolerance per channel from one to the
/// next, so a stroke is one hint and two touching strokes of different
/// colours are two. Each hint belongs to the region holding most of its pixels.
/// </summary>
internal static class HintBlobFinder
{
    public static List<HintBlob> Find(RgbaImage hints, int[] labels, int tolerance)
    {
        int width = hints.Width, height = hints.Height;
        byte[] pixels = hints.Pixels;
        var visited = new bool[labels.Length];
        var members = new int[labels.Length];
        var votes = new Dictionary<int, int>();
        var blobs = new List<HintBlob>();
        for (int start = 0; start < labels.Length; start++)
        {
            if (visited[start] || pixels[(start * 4) + 3] == 0)
            {
                continue;
            }

            visited[start] = true;
            members[0] = start;
            int count = 1;
            for (int next = 0; next < count; next++)
            {
                int p = members[next];
                int x = p % width, y = p / width;
                for (int dy = -1; dy <= 1; dy++)
                {
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= width || ny >= height)
                        {
                            continue;
                        }

                        int q = (ny * width) + nx;
                        if (!visited[q] && pixels[(q * 4) + 3] != 0 && Similar(pixels, p * 4, q * 4, tolerance))
                        {
                            visited[q] = true;
                            members[count++] = q;
                        }
                    }
                }
            }

            blobs.Add(Describe(pixels, width, labels, members.AsSpan(0, count), votes));
        }

        return blobs;
    }

    private static bool Similar(byte[] pixels, int a, int b, int tolerance) =>
        Math.Abs(pixels[a] - pixels[b]) <= tolerance
        && Math.Abs(pixels[a + 1] - pixels[b + 1]) <= tolerance
        && Math.Abs(pixels[a + 2] - pixels[b + 2]) <= tolerance;

    private static HintBlob Describe(byte[] pixels, int width, int[] labels, ReadOnlySpan<int> members, Dictionary<int, int> votes)
    {
        long r = 0, g = 0, b = 0, weight = 0, sumX = 0, sumY = 0;
        votes.Clear();
        foreach (int p in members)
        {
            int o = p * 4, alpha = pixels[o + 3];
            r += pixels[o] * alpha;
            g += pixels[o + 1] * alpha;
            b += pixels[o + 2] * alpha;
            weight += alpha;
            sumX += p % width;
            sumY += p / width;
            votes[labels[p]] = votes.GetValueOrDefault(labels[p]) + 1;
        }

        double centreX = sumX / (double)members.Length, centreY = sumY / (double)members.Length;
        int nearest = members[0];
        double nearestDistance = double.MaxValue;
        foreach (int p in members)
        {
            double dx = (p % width) - centreX, dy = (p / width) - centreY;
            double distance = (dx * dx) + (dy * dy);
            if (distance < nearestDistance)
            {
                nearestDistance = distance;
                nearest = p;
            }
        }

        // Most pixels wins; a tie goes to the lower region index, so the answer does not depend on dictionary order.
        int region = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First().Key;
        var colour = new Rgb(Mean(r, weight), Mean(g, weight), Mean(b, weight));
        return new HintBlob(colour, members.Length, nearest % width, nearest / width, region);
    }

    private static byte Mean(long sum, long weight) => (byte)((sum + (weight / 2)) / weight);
}
