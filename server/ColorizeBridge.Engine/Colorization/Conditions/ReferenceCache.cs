using ColorizeBridge.Api.V1;
using ColorizeBridge.Engine.Images;
using ColorizeBridge.Inference;

namespace ColorizeBridge.Engine.Colorization.Conditions;

/// <summary>
/// The last reference image of a live preview and its tensor: every hint
/// change resends the whole hints, reference included, and decoding it again
/// would cost more than the small forward.
/// </summary>
internal sealed class ReferenceCache
{
    private readonly object _gate = new();
    private Image? _image;
    private TensorData? _tensor;

    public TensorData Get(Image image, string field, EngineLimits limits)
    {
        lock (_gate)
        {
            if (_tensor is not null && image.Equals(_image))
            {
                return _tensor;
            }
        }

        TensorData tensor = ReferenceCondition.Tensor(ApiImages.Decode(image, field, limits));
        lock (_gate)
        {
            (_image, _tensor) = (image, tensor);
        }

        return tensor;
    }
}
