namespace ColorizeBridge.Imaging.Hints;

/// <summary>A point in line-art pixel coordinates (x right, y down; pixel (0,0) spans [0,1) x [0,1)).</summary>
public readonly record struct HintPoint(float X, float Y);

public readonly record struct HintColor(byte R, byte G, byte B);

/// <summary>
/// A hint stroke: a polyline painted with a round brush (round caps and
/// joins); a single point is a dot. <see cref="Diameter"/> is in line-art
/// pixels; 0 means one pixel (proto Stroke.width).
/// </summary>
public sealed record HintStroke(IReadOnlyList<HintPoint> Points, HintColor Color, float Diameter)
{
    internal void Validate(int index)
    {
        if (Points is null || Points.Count == 0)
        {
            throw new ArgumentException($"Stroke {index} has no points.");
        }

        if (!float.IsFinite(Diameter) || Diameter < 0)
        {
            throw new ArgumentException($"Stroke {index} has brush diameter {Diameter}; a finite value >= 0 is required.");
        }

        foreach (HintPoint point in Points)
        {
            if (!float.IsFinite(point.X) || !float.IsFinite(point.Y))
            {
                throw new ArgumentException($"Stroke {index} has a point that is not finite: ({point.X}, {point.Y}).");
            }
        }
    }
}
