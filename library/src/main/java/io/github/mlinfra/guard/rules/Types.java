package io.github.mlinfra.guard.rules;

/** The type tokens the rules read (pulumi-aws 6.x). */
final class Types {
    static final String BUCKET = "aws:s3/bucket:Bucket";
    static final String BUCKET_V2 = "aws:s3/bucketV2:BucketV2";
    static final String VERSIONING_V2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    static final String SSE_V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    static final String PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    static final String OWNERSHIP_CONTROLS = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final String LOGGING_V2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
    static final String LIFECYCLE_V2 = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    static final String OBJECT_LOCK_V2 = "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2";
    static final String KMS_KEY = "aws:kms/key:Key";
    static final String ROLE = "aws:iam/role:Role";
    static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String USER_POLICY = "aws:iam/userPolicy:UserPolicy";
    static final String GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
    static final String POLICY = "aws:iam/policy:Policy";
    static final String ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    static final String USER_POLICY_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
    static final String GROUP_POLICY_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
    static final String POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
    static final String INSTANCE = "aws:ec2/instance:Instance";
    static final String EBS_VOLUME = "aws:ebs/volume:Volume";
    static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    static final String SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
    static final String SG_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String SG_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance";
    static final String NOTEBOOK_LIFECYCLE =
            "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration";
    static final String PIPELINE = "aws:sagemaker/pipeline:Pipeline";
    static final String TRAIL = "aws:cloudtrail/trail:Trail";
    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String FLOW_LOG = "aws:ec2/flowLog:FlowLog";
    static final String VPC_ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
    static final String INTERNET_GATEWAY = "aws:ec2/internetGateway:InternetGateway";
    static final String INTERNET_GATEWAY_ATTACHMENT = "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment";

    static final String INSTANCE_PROFILE = "aws:iam/instanceProfile:InstanceProfile";
    static final String KMS_ALIAS = "aws:kms/alias:Alias";
    static final String KMS_KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String MODEL_PACKAGE_GROUP = "aws:sagemaker/modelPackageGroup:ModelPackageGroup";
    static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    static final String VPC_ENDPOINT_POLICY = "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy";
    static final String TOPIC = "aws:sns/topic:Topic";
    static final String TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";
    static final String QUEUE = "aws:sqs/queue:Queue";
    static final String QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
    static final String REPOSITORY_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";

    private Types() {}
}
