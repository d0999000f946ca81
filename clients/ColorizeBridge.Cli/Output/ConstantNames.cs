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
            if (i > 0 && char.IsUpper(name[i]))
            {
                constant.Append('_');
            }

            constant.Append(char.ToUpperInvariant(name[i]));
        }

        return constant.ToString();
    }
}
