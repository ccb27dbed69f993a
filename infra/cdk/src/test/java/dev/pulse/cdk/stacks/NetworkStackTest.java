package dev.pulse.cdk.stacks;

import dev.pulse.cdk.Synth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkStackTest {
    private static Template dev() {
        return Synth.dev().template("Network");
    }

    @Test
    void vpc_hasOnlyPrivateSubnets_noNatGatewayAndNoInternetGateway() {
        dev().resourceCountIs("AWS::EC2::VPC", 1);
        dev().resourceCountIs("AWS::EC2::Subnet", 2);
        dev().resourceCountIs("AWS::EC2::NatGateway", 0);
        dev().resourceCountIs("AWS::EC2::InternetGateway", 0);
        dev().hasResourceProperties("AWS::EC2::Subnet", Match.objectLike(Map.of("MapPublicIpOnLaunch", false)));
    }

    @Test
    void prod_spansThreeAvailabilityZones() {
        Synth.prod().template("Network").resourceCountIs("AWS::EC2::Subnet", 3);
    }

    @Test
    void dynamoDbAndS3_useGatewayEndpoints() {
        for (String service : List.of("dynamodb", "s3")) {
            dev().hasResourceProperties(
                            "AWS::EC2::VPCEndpoint",
                            Match.objectLike(Map.of(
                                    "VpcEndpointType",
                                    "Gateway",
                                    "ServiceName",
                                    Map.of(
                                            "Fn::Join",
                                            List.of(
                                                    "",
                                                    List.of(
                                                            "com.amazonaws.",
                                                            Map.of("Ref", "AWS::Region"),
                                                            "." + service))))));
        }
    }

    @Test
    void theApisVpcFunctionsCall_haveInterfaceEndpointsWithPrivateDns() {
        for (String service : List.of("sqs", "secretsmanager")) {
            dev().hasResourceProperties(
                            "AWS::EC2::VPCEndpoint",
                            Match.objectLike(Map.of(
                                    "VpcEndpointType",
                                    "Interface",
                                    "PrivateDnsEnabled",
                                    true,
                                    "ServiceName",
                                    "com.amazonaws.us-east-1." + service)));
        }
        dev().resourcePropertiesCountIs(
                        "AWS::EC2::VPCEndpoint",
                        Match.objectLike(Map.of("ServiceName", "com.amazonaws.us-east-1.kinesis-streams")),
                        0);
    }

    @Test
    void givenAVpcFunctionThatWritesAStream_kinesisGetsAnInterfaceEndpoint() {
        Synth.fixture()
                .template("Network")
                .hasResourceProperties(
                        "AWS::EC2::VPCEndpoint",
                        Match.objectLike(Map.of(
                                "VpcEndpointType", "Interface",
                                "ServiceName", "com.amazonaws.us-east-1.kinesis-streams")));
    }

    @Test
    void everyVpcFunction_hasItsOwnSecurityGroup() {
        dev().hasResourceProperties(
                        "AWS::EC2::SecurityGroup",
                        Match.objectLike(Map.of("GroupDescription", "Lambda function ingest")));
        dev().hasResourceProperties(
                        "AWS::EC2::SecurityGroup",
                        Match.objectLike(Map.of("GroupDescription", "Lambda function mentions")));
    }
}
