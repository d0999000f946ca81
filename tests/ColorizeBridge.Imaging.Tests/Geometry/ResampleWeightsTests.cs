using ColorizeBridge.Imaging.Geometry;

namespace ColorizeBridge.Imaging.Tests.Geometry;

public sealed class ResampleWeightsTests
{
    [Theory]
    [InlineData(1000, 333)]
    [InlineData(333, 1000)]
    [InlineData(7, 3)]
    [InlineData(3, 7)]
    [InlineData(1, 9)]
    [InlineData(9, 1)]
    public void Create_EveryTargetSample_WeightsSumToOneOverValidIndices(int sourceLength, int targetLength)
    {
        ResampleWeights weights = ResampleWeights.Create(sourceLength, targetLength);

        for (int i = 0; i < targetLength; i++)
        {
            float sum = 0;
            for (int tap = 0; tap < weights.Taps; tap++)
            {
                sum += weights.Weights[(i * weights.Taps) + tap];
                Assert.InRange(weights.Indices[(i * weights.Taps) + tap], 0, sourceLength - 1);
            }

            Assert.Equal(1f, sum, 4);
        }
    }
}
