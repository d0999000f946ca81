using System.Globalization;
using ColorizeBridge.Imaging.Colour;
using ColorizeBridge.Imaging.Tests.Support;

namespace ColorizeBridge.Imaging.Tests.Colour;

/// <summary>The server's CIELAB and CIEDE2000 must measure as training/colour.py does, or hint fidelity and the evaluation disagree.</summary>
public sealed class TrainingEvaluationAgreementTests
{
    private const string Script = """
        import sys
        import numpy as np
        sys.path.insert(0, sys.argv[1])
        from training.colour import ciede2000, srgb_to_lab
        rows = np.array([[int(v) for v in line.split()] for line in sys.stdin.read().splitlines()], np.uint8)
        first, second = srgb_to_lab(rows[:, 0:3]), srgb_to_lab(rows[:, 3:6])
        for lab, delta in zip(first, ciede2000(first, second)):
            print(repr(lab[0]), repr(lab[1]), repr(lab[2]), repr(delta))
        """;

    [ReferenceFact]
    public void LabAndDelta_RandomColourPairs_AgreeWithTheTrainingEvaluation()
    {
        // Arrange
        var random = new Random(16);
        var pairs = new (Rgb First, Rgb Second)[300];
        for (int i = 0; i < pairs.Length; i++)
        {
            var bytes = new byte[6];
            random.NextBytes(bytes);
            pairs[i] = (new Rgb(bytes[0], bytes[1], bytes[2]), new Rgb(bytes[3], bytes[4], bytes[5]));
        }

        string input = string.Join('\n', pairs.Select(p => $"{p.First.R} {p.First.G} {p.First.B} {p.Second.R} {p.Second.G} {p.Second.B}"));

        // Act
        string[] lines = PythonReference.Run(["-c", Script, RepoRoot.Path], input).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Assert
        Assert.Equal(pairs.Length, lines.Length);
        for (int i = 0; i < pairs.Length; i++)
        {
            double[] expected = [.. lines[i].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            Lab lab = CieLab.FromSrgb(pairs[i].First);
            Assert.Equal(expected[0], lab.L, 1e-9);
            Assert.Equal(expected[1], lab.A, 1e-9);
            Assert.Equal(expected[2], lab.B, 1e-9);
            Assert.Equal(expected[3], Ciede2000.Delta(pairs[i].First, pairs[i].Second), 1e-9);
        }
    }
}
