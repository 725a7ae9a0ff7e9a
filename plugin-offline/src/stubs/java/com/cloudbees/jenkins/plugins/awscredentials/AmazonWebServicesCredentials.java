// Hand-written compile-time stub of a Jenkins API type: real name, exact signatures, no behaviour.
// Never packaged (see pom.xml); checked against the real class by plugin/src/test StubSignaturesTest.
package com.cloudbees.jenkins.plugins.awscredentials;

import com.amazonaws.auth.AWSCredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

public interface AmazonWebServicesCredentials
    extends StandardCredentials, AwsCredentialsProvider, AWSCredentialsProvider {

  String getDisplayName();
}
