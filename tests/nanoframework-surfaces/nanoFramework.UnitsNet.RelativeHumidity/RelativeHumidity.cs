// Surface of UnitsNet.RelativeHumidity (package nanoFramework.UnitsNet.RelativeHumidity 5.76.15, assembly nanoFramework.UnitsNet.RelativeHumidity.dll in
// lib\netnano1.0\). Checked against nanoframework/nanoFramework.UnitsNet:
// - nanoFramework.UnitsNet/GeneratedCode/RelativeHumidity/RelativeHumidity.nfproj @ d82a56c0304b11e301224b651b50a8f183d82e6d
//   (AssemblyName nanoFramework.UnitsNet.RelativeHumidity, RootNamespace UnitsNet, CoreLibrary 1.17.11; compiles the generated
//   ..\Quantities\RelativeHumidity.g.cs and ..\Units\RelativeHumidityUnit.g.cs, which are produced at build time and not in the repository);
// - nanoFramework.UnitsNet/GeneratedCode/RelativeHumidity/RelativeHumidity.nuspec @ 0be83b1bcefa34a6ed6e47162154d07ce200debf
//   (id nanoFramework.UnitsNet.RelativeHumidity, bin\Release\nanoFramework.UnitsNet.RelativeHumidity.* packed to lib\netnano1.0).
// - nanoFramework.CodeGen/Generators/NanoFrameworkGen/QuantityGenerator.cs @ d878b955ec2fb26892a91bc7415933c9fb86e02e
//   (namespace UnitsNet; `public struct RelativeHumidity` (not readonly) with private readonly double _value and RelativeHumidityUnit _unit;
//   one get-only `public double <PluralName> => As(RelativeHumidityUnit.<SingularName>)` per unit);
// - the unit definition it generates from, angularsen/UnitsNet (submodule) Common/UnitDefinitions/RelativeHumidity.json @ 1bd9cc8fc42f334ec6a4cc7c60f92f2acd3f7caa
//   (SingularName Percent, PluralName Percent).
// The private field stands for the real struct's fields so that definite-assignment rules match; RelativeHumidityUnit (namespace
// UnitsNet.Units) and the other members are left out.
namespace UnitsNet
{
    public struct RelativeHumidity
    {
        private readonly double _value;

        public double Percent { get { throw null; } }
    }
}
