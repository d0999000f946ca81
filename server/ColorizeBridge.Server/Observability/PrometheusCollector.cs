using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace ColorizeBridge.Server.Observability;

/// <summary>
/// Aggregates the instruments of <see cref="ServerMetrics"/> in memory and
/// writes them in the Prometheus text exposition format (version 0.0.4).
/// Hand-written because OpenTelemetry's Prometheus exporter does not restore
/// from this project's package mirror; it is small because the meter is ours:
/// counters, up-down counters, histograms and observable gauges only.
/// </summary>
internal sealed class PrometheusCollector : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Seconds; from a cache hit (milliseconds) to a large batch behind a long queue (minutes).</summary>
    private static readonly double[] BucketBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    private readonly Lock _lock = new();
    private readonly MeterListener _listener;
    private readonly List<Instrument> _instruments = [];
    private readonly Dictionary<Instrument, SortedDictionary<string, Series>> _series = [];

    public PrometheusCollector(ServerMetrics metrics)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter != metrics.Meter)
                {
                    return;
                }

                lock (_lock)
                {
                    _instruments.Add(instrument);
                    _series[instrument] = new SortedDictionary<string, Series>(StringComparer.Ordinal);
                }

                listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable gauges now and returns every series as Prometheus text.</summary>
    public string Scrape()
    {
        lock (_lock)
        {
            // Gauges show what is there now: a device or model that went away drops out.
            foreach (Instrument instrument in _instruments.Where(i => i.IsObservable))
            {
                _series[instrument].Clear();
            }
        }

        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (_lock)
        {
            foreach (Instrument instrument in _instruments)
            {
                WriteInstrument(text, instrument, _series[instrument]);
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string labels = Labels(tags);
        lock (_lock)
        {
            SortedDictionary<string, Series> series = _series[instrument];
            if (!series.TryGetValue(labels, out Series? one))
            {
                one = new Series(instrument is Histogram<double> ? new long[BucketBounds.Length] : null);
                series[labels] = one;
            }

            one.Add(value, instrument.IsObservable);
        }
    }

    private static void WriteInstrument(StringBuilder text, Instrument instrument, SortedDictionary<string, Series> series)
    {
        (string type, string name) = instrument switch
        {
            Counter<long> or ObservableCounter<long> => ("counter", instrument.Name + "_total"),
            Histogram<double> => ("histogram", instrument.Name),
            _ => ("gauge", instrument.Name),
        };
        text.Append("# HELP ").Append(name).Append(' ').Append(instrument.Description).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach ((string labels, Series one) in series)
        {
            if (one.Buckets is null)
            {
                WriteSample(text, name, labels, one.Sum);
                continue;
            }

            long cumulative = 0;
            for (int i = 0; i < BucketBounds.Length; i++)
            {
                cumulative += one.Buckets[i];
                WriteSample(text, name + "_bucket", Join(labels, $"le=\"{Number(BucketBounds[i])}\""), cumulative);
            }

            WriteSample(text, name + "_bucket", Join(labels, "le=\"+Inf\""), one.Count);
            WriteSample(text, name + "_sum", labels, one.Sum);
            WriteSample(text, name + "_count", labels, one.Count);
        }
    }

    private static void WriteSample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new List<string>(tags.Length);
        foreach ((string key, object? value) in tags)
        {
            pairs.Add($"{key}=\"{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}\"");
        }

        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

    // The exposition format escapes backslash, double quote and line feed in label values.
    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string Number(double value) => double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One label set of one instrument: a running sum (counters, gauges) or a histogram.</summary>
    private sealed class Series(long[]? buckets)
    {
        public long[]? Buckets { get; } = buckets;

        public double Sum { get; private set; }

        public long Count { get; private set; }

        public void Add(double value, bool isObservation)
        {
            // An observable gauge reports its current value; everything else adds up.
            Sum = isObservation ? value : Sum + value;
            Count++;
            if (Buckets is not null)
            {
                int bucket = Array.FindIndex(BucketBounds, bound => value <= bound);
                if (bucket >= 0)
                {
                    Buckets[bucket]++;
                }
            }
        }
    }
}
