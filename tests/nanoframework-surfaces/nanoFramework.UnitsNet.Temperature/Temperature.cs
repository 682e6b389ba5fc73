// Surface of UnitsNet.Temperature (package nanoFramework.UnitsNet.Temperature 5.76.15, assembly nanoFramework.UnitsNet.Temperature.dll in
// lib\netnano1.0\). Checked against nanoframework/nanoFramework.UnitsNet:
// - nanoFramework.UnitsNet/GeneratedCode/Temperature/Temperature.nfproj @ d82a56c0304b11e301224b651b50a8f183d82e6d
//   (AssemblyName nanoFramework.UnitsNet.Temperature, RootNamespace UnitsNet, CoreLibrary 1.17.11; compiles the generated
//   ..\Quantities\Temperature.g.cs and ..\Units\TemperatureUnit.g.cs, which are produced at build time and not in the repository);
// - nanoFramework.UnitsNet/GeneratedCode/Temperature/Temperature.nuspec @ 0be83b1bcefa34a6ed6e47162154d07ce200debf
//   (id nanoFramework.UnitsNet.Temperature, bin\Release\nanoFramework.UnitsNet.Temperature.* packed to lib\netnano1.0).
// - nanoFramework.CodeGen/Generators/NanoFrameworkGen/QuantityGenerator.cs @ d878b955ec2fb26892a91bc7415933c9fb86e02e
//   (namespace UnitsNet; `public struct Temperature` (not readonly) with private readonly double _value and TemperatureUnit _unit;
//   one get-only `public double <PluralName> => As(TemperatureUnit.<SingularName>)` per unit);
// - the unit definition it generates from, angularsen/UnitsNet (submodule) Common/UnitDefinitions/Temperature.json @ 0ddfd57b6134f5a9cfb4e43ad684a31ca94b3d2e
//   (SingularName DegreeCelsius, PluralName DegreesCelsius).
// The private field stands for the real struct's fields so that definite-assignment rules match; TemperatureUnit (namespace
// UnitsNet.Units) and the other members are left out.
namespace UnitsNet
{
    public struct Temperature
    {
        private readonly double _value;

        public double DegreesCelsius { get { throw null; } }
    }
}
