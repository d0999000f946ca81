using System.Text;

namespace ColorizeBridge.Cli.Output;

/// <summary>
/// Enum values as the gRPC and protobuf specs spell them (NOT_FOUND,
/// NOT_SERVING, READY), which is what scripts and grpcurl users grep for.
/// </summary>
internal static class ConstantNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        string name = value.ToString();
        var constant = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            // A new word starts at an upper-case letter after a lower-case one: NotFound -> NOT_FOUND, OK -> OK.
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                constant.Append('_');
            }

            constant.Append(char.ToUpperInvariant(name[i]));
        }

        return constant.ToString();
    }
}
