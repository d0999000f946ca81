using ColorizeBridge.Engine.Scheduling;

namespace ColorizeBridge.Engine.Tests.Scheduling;

public sealed class FairQueueTests
{
    [Fact]
    public void TakeNext_AlternatesBetweenClients_FifoWithinEach()
    {
        var queue = new FairQueue<string>();
        queue.Add("a", "a1");
        queue.Add("a", "a2");
        queue.Add("a", "a3");
        queue.Add("b", "b1");
        queue.Add("c", "c1");

        string[] taken = [.. Enumerable.Range(0, 5).Select(_ => queue.TakeNext())];

        Assert.Equal(["a1", "b1", "c1", "a2", "a3"], taken);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void InTurnOrder_PredictsTakeNext()
    {
        var queue = new FairQueue<string>();
        foreach ((string client, string item) in new[] { ("a", "a1"), ("b", "b1"), ("a", "a2"), ("b", "b2"), ("c", "c1") })
        {
            queue.Add(client, item);
        }

        string[] predicted = [.. queue.InTurnOrder()];
        string[] taken = [.. Enumerable.Range(0, 5).Select(_ => queue.TakeNext())];

        Assert.Equal(predicted, taken);
    }

    [Fact]
    public void Remove_LastItemOfAClient_DropsItsTurn()
    {
        var queue = new FairQueue<string>();
        LinkedListNode<string> only = queue.Add("a", "a1");
        queue.Add("b", "b1");

        queue.Remove("a", only);

        Assert.Equal(["b1"], queue.InTurnOrder());
        Assert.Equal(1, queue.Count);
    }
}
