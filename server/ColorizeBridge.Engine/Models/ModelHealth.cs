namespace ColorizeBridge.Engine.Models;

/// <summary>
/// The health rules, one place for the server's health service and the CLI's
/// in-process mode: the whole server ("") serves while it runs; the Colorizer
/// service serves once the default model is ready; each model has its own
/// entry, "colorizebridge.v1.Colorizer/NAME", serving while that model is
/// ready. Before loading ends no model is ready, so nothing model-bound serves.
/// Transport-free: callers turn the answers into their own statuses.
/// </summary>
public static class ModelHealth
{
    /// <summary>The health name of the Colorizer service: the proto's full service name.</summary>
    public const string ColorizerService = "colorizebridge.v1.Colorizer";

    /// <summary>The health name of one model.</summary>
    public static string ModelService(string model) => $"{ColorizerService}/{model}";

    /// <summary>Every health name that depends on the models, and whether it serves now.</summary>
    public static IEnumerable<KeyValuePair<string, bool>> ModelBoundStatuses(ModelRegistry registry)
    {
        foreach (RegisteredModel model in registry.Models)
        {
            yield return new(ModelService(model.Name), model.State == ModelLoadState.Ready);
        }

        yield return new(ColorizerService, registry.Models.Any(m => m.Name == registry.DefaultModelName && m.State == ModelLoadState.Ready));
    }

    /// <summary>Whether <paramref name="service"/> serves now; null for a name the server does not report.</summary>
    public static bool? IsServing(ModelRegistry registry, string service)
    {
        if (service.Length == 0)
        {
            return true;
        }

        foreach ((string name, bool serving) in ModelBoundStatuses(registry))
        {
            if (name == service)
            {
                return serving;
            }
        }

        return null;
    }
}
