// Surface of UnitsNet.RelativeHumidity (package UnitsNet.nanoFramework.RelativeHumidity, 5.x).
// Checked against angularsen/UnitsNet UnitsNet.NanoFramework/GeneratedCode/Quantities/RelativeHumidity.g.cs and
// UnitsNet.NanoFramework/GeneratedCode/RelativeHumidity/RelativeHumidity.nfproj (AssemblyName UnitsNet.RelativeHumidity, RootNamespace UnitsNet).
// The private field stands for the real struct's fields (double _value; RelativeHumidityUnit _unit) so that
// definite-assignment rules match; RelativeHumidityUnit itself is left out.
namespace UnitsNet
{
    public struct RelativeHumidity
    {
        private readonly double _value;

        public double Percent { get { throw null; } }
    }
}
